# tests/gen-ledger.awk - a random ledger for the property tests:
#   awk -v seed=N -v rows=N [-v docs=1] -f tests/lib.awk -f tests/gen-ledger.awk
# Seven customers, four currencies (JPY without decimals), invoices over
# 400 days from 2025-07-30, some negative, paid in full, in part or not,
# with or without a paid_date; with docs, credit notes, payments and
# adjustments too, most naming an earlier invoice of the same customer and
# currency, some naming none, some naming no invoice ("NOPE").
BEGIN {
	srand(seed)
	cur[0] = "CNY"; cur[1] = "USD"; cur[2] = "JPY"; cur[3] = "EUR"
	printf "customer,invoice,%sinvoice_date,due_date,amount,paid,paid_date,currency,salesperson,disputed\n", docs ? "doc_type,ref," : ""
	for (i = 1; i <= rows; i++) {
		c = "C" int(rand() * 7); k = cur[int(rand() * 4)]
		dec = k == "JPY" ? 0 : 2
		d = 20300 + int(rand() * 400); due = d + int(rand() * 4) * 30
		amt = int(rand() * 1000000) - (rand() < 0.05 ? 300000 : 0)
		r = rand(); paid = r < 0.3 ? amt : r < 0.6 ? 0 : int(rand() * amt)
		pd = rand() < 0.5 ? "" : date(d + int(rand() * 120))
		type = "invoice"; ref = ""
		if (docs && rand() < 0.3) {
			# most name an invoice of the same customer and currency
			t = rand(); type = t < 0.4 ? "payment" : t < 0.7 ? "credit_note" : "adjustment"
			r = rand(); ref = r < 0.1 ? "" : r < 0.2 ? "NOPE" : ((c, k) in last) ? "I" last[c, k] : ""
			paid = 0; pd = ""
		} else
			last[c, k] = i
		printf "%s,I%d,%s%s,%s,%s,%s,%s,%s,S%d,%s\n", c, i,
		    docs ? type "," ref "," : "", date(d), date(due),
		    money(amt * 10, dec), money(paid * 10, dec), pd, k, int(rand() * 3),
		    rand() < 0.1 ? "yes" : "no"
	}
}
