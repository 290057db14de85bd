#!/bin/sh
# gawk peer: age.awk (POSIX awk) under GNU awk, C locale.
LC_ALL=C exec gawk -f "$(dirname "$0")/age.awk"
