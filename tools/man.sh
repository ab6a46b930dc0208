#!/bin/sh
# man.sh K3AUDIT VERSION > k3audit.1 - the manual page, made from the
# program's own --help text (so the two never drift) and the exit codes.
BIN=$1
VERSION=$2
cat <<HEAD
.TH K3AUDIT 1 "" "k3audit $VERSION" "User Commands"
.SH NAME
k3audit \\- electrical risk assessment and energy audit (PUIL 2011, Permenaker 12/2015)
.SH SYNOPSIS
.B k3audit
.I COMMAND
[\\fIARGS\\fR]
.SH DESCRIPTION
k3audit reads a site description (an INI file of the installation and the
tester's field measurements), checks it, judges it against PUIL 2011 and
Permenaker 12/2015 and writes the audit workbook (.xlsx), JSON and a
terminal summary.  Bahasa Indonesia by default, English with
.BR "\\-\\-lang en" .
The text below is the program's own
.BR \\-\\-help .
.PP
.nf
HEAD
# roff: a leading dot or quote is an escape, a backslash is one
"$BIN" --help | sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"
cat <<TAIL
.fi
.SH FILES
.TP
.I share/k3audit/models/
the data tables (limits, curves, risk profiles, tariffs) the program has
built in, as installed; replace them with
.BR "\\-\\-models DIR" .
.SH SEE ALSO
The README and docs/ of the source tree; the library: k3audit.h,
.B pkg-config \\-\\-cflags \\-\\-libs k3audit
TAIL
