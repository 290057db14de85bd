# The reference job (shared/bench/JOB.md) in POSIX awk, shared by the mawk
# and gawk peers.  Money is kept in integer cents: open = (amount - paid) * 100
# rounded to the nearest integer is the exact cents (the amounts have 2
# decimals and are far below 2^53 / 100, so the binary error is many orders
# below half a cent), and sums of integers stay exact in doubles up to 2^53.
# The bucket is worked out once per distinct due date.
BEGIN {
    FS = ","
    ASOF = daynum("2026-11-30")
    HDR = "customer,currency,total_open,current,d1_30,d31_60,d61_90,d91_plus"
}

# days since 1970-01-01 of an ISO date YYYY-MM-DD (proleptic Gregorian)
function daynum(s,    y, m, d) {
    y = substr(s, 1, 4) + 0; m = substr(s, 6, 2) + 0; d = substr(s, 9, 2) + 0
    if (m <= 2) { y--; m += 12 }
    return 365 * y + int(y / 4) - int(y / 100) + int(y / 400) \
        + int((153 * (m - 3) + 2) / 5) + d - 719469
}

# integer cents -> "1234.50", "-0.07"
function money(v,    sg, w) {
    sg = ""
    if (v < 0) { sg = "-"; v = -v }
    w = int(v / 100)
    return sprintf("%s%.0f.%02d", sg, w, v - w * 100)
}

NR == 1 {
    for (i = 1; i <= NF; i++) col[$i] = i
    CU = col["customer"]; DU = col["due_date"]; AM = col["amount"]
    PA = col["paid"]; CY = col["currency"]
    if (!CU || !DU || !AM || !PA || !CY) {
        print "age.awk: missing column in header" > "/dev/stderr"
        exit 2
    }
    next
}

{
    o = ($AM - $PA) * 100
    o = int(o < 0 ? o - 0.5 : o + 0.5)
    if (o == 0) next
    s = $DU
    if (!(s in bucket)) {
        n = ASOF - daynum(s)
        bucket[s] = n <= 0 ? 1 : n <= 30 ? 2 : n <= 60 ? 3 : n <= 90 ? 4 : 5
    }
    k = $CU "," $CY
    total[k] += o
    sum[k, bucket[s]] += o
}

END {
    if (NR == 0) exit
    print HDR
    fflush()
    sorter = "LC_ALL=C sort -t, -k1,1 -k2,2"
    for (k in total) {
        line = k "," money(total[k])
        for (b = 1; b <= 5; b++) line = line "," money(sum[k, b])
        print line | sorter
    }
    close(sorter)
}
