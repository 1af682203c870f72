#!/usr/bin/perl
# One message on standard input, its en@long form on standard output
# (run by msgfilter from pseudo-long.sh).
use strict;
use warnings;
use utf8;
binmode STDIN, ':encoding(UTF-8)';
binmode STDOUT, ':encoding(UTF-8)';

my %accent = (
	a => 'å', b => 'ƀ', c => 'ç', d => 'ð', e => 'é', f => 'ƒ', g => 'ĝ',
	h => 'ĥ', i => 'î', j => 'ĵ', k => 'ķ', l => 'ļ', m => 'ɱ', n => 'ñ',
	o => 'ô', p => 'þ', r => 'ŕ', s => 'š', t => 'ţ', u => 'û', w => 'ŵ',
	y => 'ý', z => 'ž',
	A => 'Å', C => 'Ç', D => 'Ð', E => 'É', G => 'Ĝ', H => 'Ĥ', I => 'Î',
	J => 'Ĵ', K => 'Ķ', L => 'Ļ', N => 'Ñ', O => 'Ö', R => 'Ŕ', S => 'Š',
	T => 'Ţ', U => 'Û', W => 'Ŵ', Y => 'Ý', Z => 'Ž',
);

local $/;
my $in = <STDIN>;
$in = '' unless defined $in;
exit 0 if $in eq '';
my $out = '';
my $chars = 0;
# printf directives, kept as they are; everything else letter by letter.
while ($in =~ /\G(%(?:\d+\$)?[-+ #0']*\d*(?:\.\d+)?(?:hh|h|ll|l|z|j|t|L)?[diouxXeEfFgGcsp%]|.)/gsc) {
	my $t = $1;
	if (length($t) > 1) {
		$out .= $t;
		$chars += 2;
		next;
	}
	$chars++ unless $t eq "\n";
	$out .= exists $accent{$t} ? $accent{$t} : $t;
}
# About 40 % longer: tildes after a space, on the last line.
my $pad = int($chars * 0.4 + 0.5);
if ($pad >= 2) {
	my $nl = $out =~ s/(\n*)\z// ? $1 : '';
	$out .= ' ' . ('~' x ($pad - 1)) . $nl;
}
print $out;
