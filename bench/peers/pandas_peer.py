"""pandas peer (Debian python3-pandas, run by /usr/bin/python3).

read_csv -> integer cents -> days overdue -> bucket -> one groupby.  The
amounts are parsed as float64 and turned into integer cents by rounding
x * 100: exact for 2-decimal amounts far below 2^53 / 100; from there on all
sums are int64, exact.
"""
import sys

import numpy as np
import pandas as pd

AS_OF = np.datetime64("2026-11-30", "D")
BUCKETS = ["current", "d1_30", "d31_60", "d61_90", "d91_plus"]
COLUMNS = ["customer", "currency", "total_open"] + BUCKETS


def cents(s):
    return np.rint(s.to_numpy(dtype=np.float64) * 100).astype(np.int64)


def money(v):
    """int64 cents -> 'd.dd' strings"""
    a = np.abs(v)
    sign = np.where(v < 0, "-", "")
    return (pd.Series(sign) + pd.Series(a // 100).astype(str) + "."
            + pd.Series(a % 100).astype(str).str.zfill(2))


def main():
    df = pd.read_csv(sys.stdin,
                     usecols=["customer", "due_date", "amount", "paid", "currency"],
                     dtype={"customer": str, "due_date": str, "currency": str,
                            "amount": np.float64, "paid": np.float64},
                     keep_default_na=False)
    df["open"] = cents(df["amount"]) - cents(df["paid"])
    df = df[df["open"] != 0]
    due = pd.to_datetime(df["due_date"], format="%Y-%m-%d").to_numpy().astype("datetime64[D]")
    days = (AS_OF - due).astype(np.int64)
    # bucket 0..4: current, 1-30, 31-60, 61-90, 91+ days overdue
    df["bucket"] = np.searchsorted([0, 30, 60, 90], days, side="left")
    res = (df.groupby(["customer", "currency", "bucket"], sort=False)["open"].sum()
             .unstack("bucket", fill_value=0)
             .reindex(columns=range(len(BUCKETS)), fill_value=0))
    res.columns = BUCKETS
    res.insert(0, "total_open", res.sum(axis=1))
    res = res.sort_index().reset_index()          # customer, currency: code point = byte order
    out = pd.DataFrame({"customer": res["customer"], "currency": res["currency"]})
    for c in ["total_open"] + BUCKETS:
        out[c] = money(res[c].to_numpy(dtype=np.int64)).to_numpy()
    out.to_csv(sys.stdout, index=False, columns=COLUMNS, lineterminator="\n")


main()
