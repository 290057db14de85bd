# tests/lib.awk - what the test oracles share, written from SPEC 1.4 and not
# from the C: exact money, civil days, rounding half away from zero.

# money text to thousandths of a unit, exactly ("-12.3" is -12300)
function cents(s,    neg, p) {
	if (s == "") return 0
	neg = substr(s, 1, 1) == "-"; if (neg) s = substr(s, 2)
	p = index(s, "."); if (!p) return (neg ? -1 : 1) * s * 1000
	return (neg ? -1 : 1) * (substr(s, 1, p - 1) * 1000 + substr(s "000", p + 1, 3))
}
# thousandths to text with DEC decimals (0, 2 or 3); %.0f, not %d, which
# mawk clamps at 2^31 - 1
function money(v, dec,    s) {
	s = v < 0 ? "-" : ""; v = v < 0 ? -v : v
	if (dec == 0) return s sprintf("%.0f", int(v / 1000))
	if (dec == 2) return sprintf("%s%.0f.%02d", s, int(v / 1000), int(v % 1000 / 10))
	return sprintf("%s%.0f.%03d", s, int(v / 1000), v % 1000)
}
# YYYY-MM-DD to days since 1970-01-01; blank is -1e9
function day(s,    y, m, d, era, yoe, doy, doe) {
	if (s == "") return -1e9
	y = substr(s, 1, 4) + 0; m = substr(s, 6, 2) + 0; d = substr(s, 9, 2) + 0
	y -= m <= 2; era = int(y / 400); yoe = y - era * 400
	doy = int((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
	doe = yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy
	return era * 146097 + doe - 719468
}
# days since 1970-01-01 to YYYY-MM-DD
function date(z,    era, doe, yoe, doy, mp, y, m, dd) {
	z += 719468; era = int(z / 146097); doe = z - era * 146097
	yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
	doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
	mp = int((5 * doy + 2) / 153); dd = doy - int((153 * mp + 2) / 5) + 1
	m = mp < 10 ? mp + 3 : mp - 9; y = yoe + era * 400 + (m <= 2)
	return sprintf("%04d-%02d-%02d", y, m, dd)
}
function rnd(x) { return x < 0 ? -int(-x + 0.5) : int(x + 0.5) }
