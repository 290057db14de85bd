#!/bin/sh
# mawk peer: age.awk (POSIX awk) under mawk, C locale.
LC_ALL=C exec mawk -f "$(dirname "$0")/age.awk"
