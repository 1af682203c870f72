#!/bin/sh
# mkcerts.sh DIR: certificates for the test backend (server.py), made with
# the openssl command line (OpenSSL 3.0).  Quiet on success.
#
#   ca.pem ca.key                  the test CA the client trusts
#   server.pem server.key          127.0.0.1 and localhost, signed by the CA
#   wronghost.pem wronghost.key    signed by the CA, for wrong.example only
#   untrusted.pem untrusted.key    127.0.0.1 and localhost, signed by another CA
#   expired.pem expired.key        127.0.0.1 and localhost, signed by the CA,
#                                  valid only in 2020
#   server.pin                     sha256//BASE64 of server.key's public key
#   wrong.pin                      a pin of another key (no server uses it)
#
# EC P-256 keys, so that it runs in well under a second.

set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 DIR" >&2
	exit 2
fi
dir=$1
mkdir -p "$dir"
work=$dir/.mkcerts.$$
rm -rf "$work"
mkdir "$work"
errlog=$work/errors
trap 'rm -rf "$work"' EXIT
trap 'exit 1' HUP INT TERM

run() {
	if ! "$@" >"$errlog" 2>&1; then
		cat "$errlog" >&2
		echo "mkcerts.sh: failed: $*" >&2
		exit 1
	fi
}

umask 077

cat >"$work/openssl.cnf" <<'EOF'
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused

[ ca_ext ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[ server_ext ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = IP:127.0.0.1, DNS:localhost

[ wronghost_ext ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = DNS:wrong.example

# For the expired certificate: "openssl ca" is the OpenSSL 3.0 tool
# that takes explicit validity dates.
[ ca ]
default_ca = test_ca
[ test_ca ]
dir = WORKDIR
database = $dir/index.txt
new_certs_dir = $dir
serial = $dir/serial
default_md = sha256
policy = any_policy
unique_subject = no
copy_extensions = none
email_in_dn = no
[ any_policy ]
commonName = supplied
EOF
sed "s|WORKDIR|$work|" "$work/openssl.cnf" >"$work/cnf" && mv "$work/cnf" "$work/openssl.cnf"
cnf=$work/openssl.cnf
: >"$work/index.txt"
echo 1000 >"$work/serial"

newkey() {
	run openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"
}

# selfsigned NAME CN
selfsigned() {
	newkey "$work/$1.key"
	run openssl req -config "$cnf" -new -x509 -key "$work/$1.key" -subj "/CN=$2" \
	    -days 3650 -sha256 -extensions ca_ext -out "$work/$1.pem"
}

# leaf NAME CN CA EXT
leaf() {
	newkey "$work/$1.key"
	run openssl req -config "$cnf" -new -key "$work/$1.key" -subj "/CN=$2" \
	    -out "$work/$1.csr"
	run openssl x509 -req -in "$work/$1.csr" -CA "$work/$3.pem" -CAkey "$work/$3.key" \
	    -set_serial "0x$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')" -days 825 -sha256 \
	    -extfile "$cnf" -extensions "$4" -out "$work/$1.pem"
}

selfsigned ca "Opastin Test CA"
selfsigned otherca "Opastin Untrusted Test CA"
leaf server "127.0.0.1" ca server_ext
leaf wronghost "wrong.example" ca wronghost_ext
leaf untrusted "127.0.0.1" otherca server_ext

newkey "$work/expired.key"
run openssl req -config "$cnf" -new -key "$work/expired.key" -subj "/CN=127.0.0.1" \
    -out "$work/expired.csr"
run openssl ca -config "$cnf" -batch -notext -in "$work/expired.csr" \
    -cert "$work/ca.pem" -keyfile "$work/ca.key" \
    -startdate 20200101000000Z -enddate 20201231000000Z \
    -extfile "$cnf" -extensions server_ext -out "$work/expired.pem"

pin() {
	printf 'sha256//%s\n' "$(openssl pkey -in "$1" -pubout -outform DER 2>"$errlog" |
	    openssl dgst -sha256 -binary | openssl base64 -A)"
}
pin "$work/server.key" >"$work/server.pin"
pin "$work/ca.key" >"$work/wrong.pin"

# Checks: each certificate verifies as intended.
run openssl verify -CAfile "$work/ca.pem" "$work/server.pem"
run openssl verify -CAfile "$work/ca.pem" "$work/wronghost.pem"
if openssl verify -CAfile "$work/ca.pem" "$work/untrusted.pem" >/dev/null 2>&1; then
	echo "mkcerts.sh: untrusted.pem verifies against ca.pem" >&2
	exit 1
fi
if openssl verify -CAfile "$work/ca.pem" "$work/expired.pem" >"$errlog" 2>&1 ||
    ! grep -q "certificate has expired" "$errlog"; then
	cat "$errlog" >&2
	echo "mkcerts.sh: expired.pem has not expired" >&2
	exit 1
fi
case $(cat "$work/server.pin") in
sha256//?*=) ;;
*) echo "mkcerts.sh: bad pin" >&2; exit 1 ;;
esac

for f in ca server wronghost untrusted expired; do
	mv "$work/$f.pem" "$work/$f.key" "$dir/"
done
mv "$work/server.pin" "$work/wrong.pin" "$dir/"
chmod 644 "$dir"/*.pem "$dir"/*.pin
