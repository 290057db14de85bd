#!/bin/sh
# Miller 6 peer (Debian package miller).  One `put -q` pass keeps, per
# customer,currency, the open amount and the five bucket sums in integer cents
# (int64: exact; round(x * 100) of a 2-decimal amount is the exact cents);
# `end` formats the cents and emits the groups, `sort -f` orders them by
# customer, then currency, lexically (byte order).
# (A verb chain put/filter/stats1/sort gives the same bytes but took about
# 1.7x the time and 2x the memory here.)
# 1795996800 = strptime("2026-11-30", "%Y-%m-%d").
exec mlr --icsv --ocsv put -q '
  func money(int v): str {
    a = abs(v);
    return (v < 0 ? "-" : "") . fmtnum(a // 100, "%d") . "." . fmtnum(a % 100, "%02d");
  }
  o = int(round($amount * 100)) - int(round($paid * 100));
  if (o != 0) {
    days = int((1795996800 - strptime($due_date, "%Y-%m-%d")) / 86400);
    b = days <= 0  ? "current"
      : days <= 30 ? "d1_30"
      : days <= 60 ? "d31_60"
      : days <= 90 ? "d61_90"
      :              "d91_plus";
    k = $customer . "," . $currency;
    if (is_absent(@g[k])) {
      @g[k] = {"customer": $customer, "currency": $currency, "total_open": 0,
               "current": 0, "d1_30": 0, "d31_60": 0, "d61_90": 0, "d91_plus": 0};
    }
    @g[k]["total_open"] += o;
    @g[k][b] += o;
  }
  end {
    if (is_absent(@g)) {    # no group: the header alone, as the others do
      print "customer,currency,total_open,current,d1_30,d31_60,d61_90,d91_plus";
    }
    for (k, r in @g) {
      for (f in ["total_open", "current", "d1_30", "d31_60", "d61_90", "d91_plus"]) {
        r[f] = money(r[f]);
      }
      emit r;
    }
  }
' then sort -f customer,currency
