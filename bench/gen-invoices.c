/* gen-invoices N [SEED] -- the benchmark input, in C.
 *
 * Writes exactly the bytes of the Python reference shared/bench/gen-invoices
 * (same N and SEED, default 1), only much faster.  The reference draws from
 * Python's random.Random(seed), so this file carries the same generator:
 *
 *   - MT19937, seeded by init_by_array() with the 32-bit words of |seed|,
 *     least significant first (one word 0 for seed 0), as CPython's
 *     _randommodule.c random_seed() does for an int seed;
 *   - randrange(n)          = _randbelow(n)
 *     randrange(start, stop) = start + _randbelow(stop - start)
 *     _randbelow(n): k = n.bit_length(); r = getrandbits(k), again while
 *     r >= n; getrandbits(k <= 32) = genrand_uint32() >> (32 - k);
 *   - random() = (a * 67108864.0 + b) / 9007199254740992.0,
 *     a = genrand_uint32() >> 5, b = genrand_uint32() >> 6.
 *
 * Columns: customer,invoice,invoice_date,due_date,amount,paid,currency; see
 * the reference for the distributions.
 *
 *   cc -O2 -std=c11 -Wall -Wextra -o bin/gen-invoices bench/gen-invoices.c
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- MT19937 (Matsumoto & Nishimura), as in CPython ---------------------- */

#define MT_N 624
#define MT_M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

static uint32_t mt[MT_N];
static int mti = MT_N + 1;

static void init_genrand(uint32_t s)
{
    mt[0] = s;
    for (mti = 1; mti < MT_N; mti++)
        mt[mti] = 1812433253U * (mt[mti - 1] ^ (mt[mti - 1] >> 30)) + (uint32_t)mti;
}

static void init_by_array(const uint32_t *key, size_t len)
{
    size_t i = 1, j = 0, k;
    init_genrand(19650218U);
    for (k = MT_N > len ? MT_N : len; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) { mt[0] = mt[MT_N - 1]; i = 1; }
        if (j >= len) j = 0;
    }
    for (k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= MT_N) { mt[0] = mt[MT_N - 1]; i = 1; }
    }
    mt[0] = 0x80000000U;
}

static void mt_refill(void)
{
    static const uint32_t mag01[2] = { 0, MATRIX_A };
    uint32_t y;
    int kk;
    for (kk = 0; kk < MT_N - MT_M; kk++) {
        y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 1U];
    }
    for (; kk < MT_N - 1; kk++) {
        y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 1U];
    }
    y = (mt[MT_N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1U];
    mti = 0;
}

static inline uint32_t genrand_uint32(void)
{
    uint32_t y;
    if (mti >= MT_N)
        mt_refill();
    y = mt[mti++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

/* ---- the parts of Python's random.Random the reference uses --------------- */

static int bit_length(uint32_t n)
{
    int k = 0;
    while (n) { k++; n >>= 1; }
    return k;
}

/* _randbelow(n) for 0 < n < 2**32 (k = n.bit_length() <= 32) */
static inline uint32_t randbelow(uint32_t n, int k)
{
    uint32_t r;
    do
        r = genrand_uint32() >> (32 - k);
    while (r >= n);
    return r;
}

static inline double random_random(void)
{
    uint32_t a = genrand_uint32() >> 5, b = genrand_uint32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/* ---- arguments ------------------------------------------------------------ */

static void usage(void)
{
    fputs("usage: gen-invoices N [SEED]\n", stderr);
    exit(2);
}

/* N: ASCII digits only (the reference's str.isdigit()) */
static uint64_t parse_n(const char *s)
{
    uint64_t n = 0;
    if (!*s)
        usage();
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            usage();
        if (n > (UINT64_MAX - 9) / 10) {
            fputs("gen-invoices: N too large\n", stderr);
            exit(2);
        }
        n = n * 10 + (uint64_t)(*s - '0');
    }
    return n;
}

/* SEED as Python's int(): optional blanks, sign, digits with single '_'
 * between them.  Result: the 32-bit words of |seed|, least significant first
 * (at least one word). */
static uint32_t *parse_seed(const char *s, size_t *len)
{
    size_t cap = strlen(s) / 9 + 2, n = 1, i;
    uint32_t *w = calloc(cap, sizeof *w);
    int digits = 0, prev_us = 0;
    if (!w) { perror("gen-invoices"); exit(2); }
    while (*s == ' ' || (*s >= '\t' && *s <= '\r')) s++;
    if (*s == '+' || *s == '-') s++;
    for (; (*s >= '0' && *s <= '9') || (*s == '_' && digits && !prev_us); s++) {
        if (*s == '_') { prev_us = 1; continue; }
        prev_us = 0;
        digits++;
        uint64_t carry = (uint64_t)(*s - '0');
        for (i = 0; i < n; i++) {          /* w = w * 10 + digit */
            uint64_t v = (uint64_t)w[i] * 10 + carry;
            w[i] = (uint32_t)v;
            carry = v >> 32;
        }
        if (carry) w[n++] = (uint32_t)carry;
    }
    while (*s == ' ' || (*s >= '\t' && *s <= '\r')) s++;
    if (!digits || prev_us || *s)
        usage();
    while (n > 1 && w[n - 1] == 0) n--;
    *len = n;
    return w;
}

/* ---- output --------------------------------------------------------------- */

#define OBUF (1 << 20)
static char obuf[OBUF];
static size_t olen;

static void flush_out(void)
{
    size_t off = 0;
    while (off < olen) {
        ssize_t r = write(STDOUT_FILENO, obuf + off, olen - off);
        if (r < 0) {
            if (errno == EINTR) continue;
            if (errno != EPIPE) perror("gen-invoices: write");
            exit(1);
        }
        off += (size_t)r;
    }
    olen = 0;
}

/* decimal of v, at least width digits (zero padded), like %0*d */
static inline char *put_u(char *p, uint64_t v, int width)
{
    char tmp[24];
    int n = 0;
    do { tmp[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (n < width) tmp[n++] = '0';
    while (n) *p++ = tmp[--n];
    return p;
}

static inline char *put_cents(char *p, uint32_t c)
{
    p = put_u(p, c / 100, 1);
    *p++ = '.';
    *p++ = (char)('0' + c % 100 / 10);
    *p++ = (char)('0' + c % 10);
    return p;
}

/* YYYY-MM-DD (no NUL) of day number z (0 = 1970-01-01), proleptic
 * Gregorian, years 0..9999 (H. Hinnant's civil_from_days) */
static void civil(long z, char out[10])
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    char *p = put_u(out, (uint64_t)y, 4);
    *p++ = '-';
    p = put_u(p, (uint64_t)m, 2);
    *p++ = '-';
    put_u(p, (uint64_t)d, 2);
}

int main(int argc, char **argv)
{
    if (argc != 2 && argc != 3)
        usage();
    uint64_t n = parse_n(argv[1]);
    size_t keylen = 1;
    uint32_t one = 1, *key = &one;
    if (argc == 3)
        key = parse_seed(argv[2], &keylen);
    init_by_array(key, keylen);
    if (key != &one)
        free(key);
    signal(SIGPIPE, SIG_IGN);

    uint64_t ncust64 = n / 50 ? n / 50 : 1;
    if (ncust64 > UINT32_MAX) {
        fputs("gen-invoices: N too large\n", stderr);
        return 2;
    }
    uint32_t ncust = (uint32_t)ncust64;
    int kcust = bit_length(ncust);

    /* 2024-01-01 .. 2026-11-30 is day 19723 .. 20787 since 1970-01-01 */
    enum { START = 19723, NDAYS = 20787 - 19723 + 1, NDATES = NDAYS + 91 };
    static char dates[NDATES][10];
    for (int d = 0; d < NDATES; d++)
        civil(START + d, dates[d]);
    static const int terms[5] = { 0, 30, 45, 60, 90 };
    const int kdays = bit_length(NDAYS), k5 = bit_length(5);
    const uint32_t AMT_W = 50000001 - 10000;
    const int kamt = bit_length(AMT_W);

    static const char hdr[] = "customer,invoice,invoice_date,due_date,amount,paid,currency\n";
    memcpy(obuf, hdr, sizeof hdr - 1);
    olen = sizeof hdr - 1;

    for (uint64_t i = 1; i <= n; i++) {
        uint32_t cust = randbelow(ncust, kcust);
        uint32_t d = randbelow(NDAYS, kdays);
        uint32_t due = d + (uint32_t)terms[randbelow(5, k5)];
        uint32_t amt = 10000 + randbelow(AMT_W, kamt);
        uint32_t paid;
        double r = random_random();
        if (r < 0.30)
            paid = amt;
        else if (r < 0.70)
            paid = 0;
        else
            paid = 1 + randbelow(amt - 1, bit_length(amt - 1));
        double c = random_random();
        const char *cur = c < 0.80 ? "CNY" : (c < 0.95 ? "USD" : "EUR");

        if (olen > OBUF - 256)
            flush_out();
        char *p = obuf + olen;
        *p++ = 'C';
        p = put_u(p, cust, 6);
        memcpy(p, ",INV", 4); p += 4;
        p = put_u(p, i, 8);
        *p++ = ',';
        memcpy(p, dates[d], 10); p += 10;
        *p++ = ',';
        memcpy(p, dates[due], 10); p += 10;
        *p++ = ',';
        p = put_cents(p, amt);
        *p++ = ',';
        p = put_cents(p, paid);
        *p++ = ',';
        memcpy(p, cur, 3); p += 3;
        *p++ = '\n';
        olen = (size_t)(p - obuf);
    }
    flush_out();
    return 0;
}
