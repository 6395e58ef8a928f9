#!/bin/sh
# check.sh: a bangate gate for any CI system that runs a POSIX shell.
#
# Usage: check.sh INPUT...   (SBOMs or procurement files, or directories)
#
# Writes every report into $REPORT_DIR (default: bangate-reports):
#   bangate.json  bangate.sarif  bangate-junit.xml  bangate-summary.md  bangate.html
# and prints the text report on standard output.
#
# Exit status:
#   0  pass, or needs review (possible matches a person must clear; printed
#      as a warning). Set BANGATE_FAIL_ON=review to make reviews fail (1).
#   1  fail: a policy violation
#   2  the check could not be made (bad input, policy, list or config), or
#      bangate could not be run at all
# Every bangate setting can come from a BANGATE_* variable (BANGATE_PROFILE,
# BANGATE_WAIVERS, BANGATE_AS_OF, ...).
set -u

if [ "$#" -eq 0 ]; then
	echo "usage: check.sh INPUT..." >&2
	exit 2
fi

out=${REPORT_DIR:-bangate-reports}
if ! mkdir -p "$out"; then
	echo "check.sh: cannot create the report directory $out" >&2
	exit 2
fi

status=0
bangate check -o text \
	-o json="$out/bangate.json" \
	-o sarif="$out/bangate.sarif" \
	-o junit="$out/bangate-junit.xml" \
	-o markdown="$out/bangate-summary.md" \
	-o html="$out/bangate.html" \
	"$@" || status=$?

case $status in
0)
	echo "bangate: pass; reports in $out"
	;;
1)
	echo "bangate: FAIL: policy violation; reports in $out" >&2
	;;
2)
	echo "bangate: the check could not be made; see the message above" >&2
	;;
3)
	echo "bangate: WARNING: possible matches need review; reports in $out" >&2
	status=0
	;;
*)
	echo "bangate: could not run bangate (exit $status); is it installed and on PATH?" >&2
	status=2
	;;
esac
exit "$status"
