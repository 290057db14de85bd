#!/bin/sh
# pandas peer: pandas_peer.py under the Debian python (python3-pandas).
exec /usr/bin/python3 "$(dirname "$0")/pandas_peer.py"
