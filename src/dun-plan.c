/* dun-plan - what to do today for each customer (分级触发, 分级措施),
 * SPEC 5.1. The rules are src/lib/dunning.c; here are the options, the
 * passes over the ledger and the walk over the days of the plan.
 *
 * Memory holds one entry per customer and open item (with the fields of
 * its record, which a row may print), never per day: the days are walked,
 * each day's rows sorted by priority and written before the next. The
 * walk is made twice: once to learn which records print (for -v's
 * accounting, SPEC 1.5), once to write. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aging.h"
#include "apply.h"
#include "arena.h"
#include "date.h"
#include "dunning.h"
#include "err.h"
#include "grp.h"
#include "ledger.h"
#include "money.h"
#include "opts.h"
#include "out.h"
#include "pack.h"
#include "policy.h"
#include "rates.h"
#include "rec.h"
#include "style.h"

#define MAXMIN 16
#define MAXDAYS 366
#define MAXINVOICES 10		/* named in a row, then "+N more" */
#define SCORES 160		/* --explain: the style scores of a row */

enum { OPT_GRADES = OPT_TOOL, OPT_PER, OPT_WORKDAYS, OPT_HOLIDAYS,
	OPT_MIN_AMOUNT, OPT_MIN_PERCENT, OPT_RATES, OPT_BASE };

struct minamt {		/* --min-amount CUR=N */
	char cur[8];
	int dec;
	int64_t min;
};

static struct {
	struct common c;
	int per_invoice;
	const char *grades, *holidays, *rates, *base;
	struct minamt minamt[MAXMIN];
	int nminamt;
	struct decimal min_percent;
	int32_t from, to;
} opt;

static const struct dun_policy *pol = &dun_pol;
static struct dun_cal cal;
static struct buckets bk;	/* ar-age's default buckets, for bucket */

/* ---- the files beside the ledger ---- */

static void
read_holidays(const char *path)
{
	char line[256];
	unsigned long ln = 0;
	FILE *f = fopen(path, "r");

	if (f == NULL)
		die(EXIT_FATAL, "%s: %s", path, strerror(errno));
	cal.holidays = grp_new(1);
	while (fgets(line, sizeof(line), f) != NULL) {
		char *s = line, word[16];
		int32_t d;
		size_t n;
		ln++;
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '#' || *s == '\n' || *s == '\r' || *s == '\0')
			continue;
		if (strlen(s) < 10 || date_parse(s, 10, &d) != 0 ||
		    sscanf(s + 10, " %15s", word) != 1 ||
		    (strcmp(word, "off") != 0 && strcmp(word, "work") != 0))
			die_at(EXIT_FATAL, path, ln, "expected \"YYYY-MM-DD off\" or "
			    "\"YYYY-MM-DD work\"");
		n = sizeof(d);
		*(char *)grp_get(cal.holidays, &d, n, grp_hash(&d, n)) = word[0];
	}
	fclose(f);
}

struct gent {
	char grade;
	int has_limit;
	int64_t limit;
};

static struct grp *gmap;	/* customer[,currency] -> struct gent */
static int gmap_cur;		/* keyed by currency too */
static struct grp *ungraded;	/* customers the grades file lacks */
static char ungraded_first[128];

/* credit-grade's output: customer, grade, and currency and credit_limit
 * when it has them. */
static void
read_grades(const char *path)
{
	struct rec_opts o;
	struct rec_reader *r;
	struct rec *x;
	struct key k = { NULL, 0, 0 };
	char *files[] = { (char *)path };
	int cc, ccur, cg, cl;

	memset(&o, 0, sizeof(o));
	r = rec_open(files, 1, &o);
	cc = rec_col(r, "customer");
	cg = rec_col(r, "grade");
	ccur = rec_col(r, "currency");
	cl = rec_col(r, "credit_limit");
	rec_require(r, cc);
	rec_require(r, cg);
	gmap_cur = rec_has(r, ccur);
	gmap = grp_new(sizeof(struct gent));
	while ((x = rec_next(r)) != NULL) {
		struct text cust, cur, g;
		struct gent *e;
		int known, dec;
		if (field_text(r, x, cc, &cust, 1) != 0 ||
		    field_text(r, x, ccur, &cur, 0) != 0 ||
		    field_text(r, x, cg, &g, 1) != 0)
			continue;
		if (g.n != 1 || !strchr("ABCDEN", g.p[0])) {
			rec_reject_field(r, x, cg, "a grade is A to E or N, not");
			continue;
		}
		key_reset(&k);
		key_add(&k, cust.p, cust.n);
		if (gmap_cur)
			key_add(&k, cur.p, cur.n);
		if (grp_find(gmap, k.p, k.n, grp_hash(k.p, k.n)) != NULL)
			die_at(EXIT_FATAL, x->file, x->line, "customer \"%.*s\" is in "
			    "the grades file twice", (int)cust.n, cust.p);
		e = grp_get(gmap, k.p, k.n, grp_hash(k.p, k.n));
		e->grade = g.p[0];
		dec = currency_decimals(cur.p, cur.n, &known);
		if (!val_blank(rec_val(x, cl)) &&
		    field_money(r, x, cl, dec, &e->limit, 0) == 0)
			e->has_limit = 1;
		rec_written(r, x);
	}
	if (rec_close(r, 0) != 0)
		die(EXIT_FATAL, "%s: rejected records in the grades file", path);
	free(k.p);
}

static struct rates *rates;	/* --rates */
static int ncurrencies;
static struct grp *currencies;	/* seen, for the warning without --rates */

/* ---- the items: what the plan needs of each record ---- */

struct chg {			/* the open of an item changes within the plan */
	int32_t date;
	int64_t amt;
};

struct item {			/* 56 bytes: a year of 20,000 customers in 100 MiB */
	uint64_t seq;
	const char *inv;	/* its number; pass B packs its fields after it */
	int64_t open0;		/* open on --from */
	uint32_t cust, ninv;
	uint32_t chg;		/* its changes after chgs[chg], their count; 0 none */
	uint32_t x;		/* its extra; 0: none of those */
	int32_t invoice_date, due, receipt0;
	int8_t credit;		/* unapplied cash or credit, not an item */
	int8_t disputed, printed;
	char grade;
};

_Static_assert(sizeof(struct item) <= 56, "a year of 20,000 customers");

struct extra {			/* what few items have */
	int64_t amount, promise_amount;
	int32_t promise, hold, contact, ack, demand, lead;
	uint8_t excuse, power;	/* enum excuse, enum power */
	int8_t kept;		/* the promise */
};

struct cust {
	uint32_t first, n;	/* its items, after the sort */
	const char *name;	/* in the key */
	size_t nname;
	int dec, has_limit;
	int64_t limit;
	const char *cur;	/* in the key */
	size_t ncur;
	struct decimal rate;
	int has_rate;
};

static struct item *items;	/* by customer, after group_items */
static size_t nitems, capitems;
static struct extra *extras;	/* [0]: what the rest have */
static size_t nextras, capextras;
#define XT(it) (&extras[(it)->x])
static struct chg *chgs;
static size_t nchgs, capchgs;
static struct grp *custmap;	/* customer, currency -> struct cpay */
struct cpay {
	uint32_t id;		/* + 1 */
	uint32_t n;		/* its items (the entry is in cache: free) */
};
static struct cust *custs;
static size_t ncusts;
static struct key ckey;		/* customer, currency: the key of one record */
static struct arena keep;	/* fields, numbers */
static struct rec_reader *rd;
static struct ledger led;
static struct apply *ap;
static int c_stage, c_grade, c_excuse, c_power, c_promise, c_promise_amount,
    c_contact, c_hold, c_ack, c_demand;

/* What an item's fields may repeat: its number, customer and currency. */
static int
known_of(const struct item *it, struct val *k)
{
	const struct cust *cu = &custs[it->cust];

	k[0] = (struct val){ it->inv, it->ninv, V_STR };
	k[1] = (struct val){ cu->name, cu->nname, V_STR };
	k[2] = (struct val){ cu->cur, cu->ncur, V_STR };
	return 3;
}

/* The input's fields of X, packed after the number of IT (printed items
 * only, but a year's plan prints a quarter of a million of them). */
static void
pack_fields(const struct rec *x, struct item *it)
{
	size_t nf = rec_nfields(rd), n = 0;
	struct val k[PACK_KNOWN];
	int nk = known_of(it, k);
	unsigned char *b;

	for (size_t i = 0; i < nf; i++) {
		size_t slot = (size_t)rec_field(rd, i);
		if (slot < x->nv && slot + 1 > n)
			n = slot + 1;
	}
	b = arena_bytes(&keep, it->ninv + 1 + pack_size(x->v, n, k, nk));
	memcpy(b, it->inv, it->ninv);
	b[it->ninv] = '\0';
	pack_put(b + it->ninv + 1, x->v, n, k, nk);
	it->inv = (const char *)b;
}

/* The fields pack_fields kept, until the next call. */
static struct val *
unpack_fields(const struct item *it, uint32_t *nv)
{
	static struct val *v;
	static size_t cap;
	struct val k[PACK_KNOWN];
	int nk = known_of(it, k);

	*nv = (uint32_t)pack_get((const unsigned char *)it->inv + it->ninv + 1,
	    &v, &cap, k, nk);
	return v;
}

/* The customer of item IDX: numbered as they come, through a pipe that
 * prefetches the group table (SPEC 1.6: most of the time is memory). */
struct custpush {
	uint32_t idx;
	int dec;
};

static void
cust_assign(void *payload, const void *data, void *ctx)
{
	static size_t capcusts;
	struct cpay *cp = payload;
	uint32_t *id = &cp->id;
	const struct custpush *c = data;

	(void)ctx;
	if (*id == 0) {
		if (ncusts == capcusts) {
			capcusts = capcusts ? 2 * capcusts : 256;
			custs = xrealloc(custs, capcusts * sizeof(*custs));
		}
		memset(&custs[ncusts], 0, sizeof(*custs));
		custs[ncusts].dec = c->dec;
		*id = (uint32_t)++ncusts;
	}
	items[c->idx].cust = *id - 1;
	cp->n++;
}

/* The record's own grade (0: none); --grades and the default come in
 * per customer (group_items). */
static char
grade_of(struct rec *x, int *bad)
{
	struct text t;

	*bad = 0;
	if (field_text(rd, x, c_grade, &t, 0) != 0) {
		*bad = 1;
		return 0;
	}
	if (t.n == 0)
		return 0;
	if (t.n != 1 || !strchr("ABCDEN", t.p[0])) {
		rec_reject_field(rd, x, c_grade, "a grade is A to E or N, not");
		*bad = 1;
		return 0;
	}
	return t.p[0];
}

struct pctx {			/* receipts of one invoice, as apply.c has them */
	struct item *it;
	int32_t from, to, win0, pdate;
	int64_t promised;	/* received in the promise's window */
};

static void
add_chg(int32_t date, int64_t amt)
{
	if (nchgs == capchgs) {
		capchgs = capchgs ? 2 * capchgs : 256;
		chgs = xrealloc(chgs, capchgs * sizeof(*chgs));
	}
	chgs[nchgs++] = (struct chg){ date, amt };
}

static void
receipt(int32_t date, enum doc_type type, int64_t amt, void *arg)
{
	struct pctx *c = arg;

	if (date != DATE_NONE && date > c->from && date <= c->to)
		add_chg(date, amt);
	if (type == DOC_PAYMENT && date != DATE_NONE && date <= c->from &&
	    (c->it->receipt0 == DATE_NONE || date > c->it->receipt0))
		c->it->receipt0 = date;
	if (type == DOC_PAYMENT && c->pdate != DATE_NONE && (date == DATE_NONE ||
	    (date > c->win0 && date <= c->pdate)))
		c->promised -= amt;
}

/* A promise is kept when what was received between the contact that made
 * it (or the due date) and the promise date covers the amount promised,
 * or everything when none was (SPEC 5.1). */
static int
promise_kept(const struct extra *ex, const struct doc *d, struct pctx *c)
{
	if (ex->promise == DATE_NONE)
		return 1;
	if (ex->promise_amount > 0)
		return c->promised >= ex->promise_amount;
	return (d->has_open ? d->open : apply_open_at(ap, d, ex->promise)) <= 0;
}

/* Read a record into an item; -1 when it was rejected, 1 when it is no
 * part of the plan (closed, applied, dated after it). */
static int
read_item(struct rec *x, uint64_t seq, struct item *it, struct extra *ex,
    struct doc *dp)
{
	struct doc d;
	struct text t;
	int bad, is_item;
	int64_t left = 0;
	struct pctx pc;

	memset(it, 0, sizeof(*it));
	*ex = extras[0];
	it->seq = seq;
	if (ledger_read(&led, x, &d) != 0 ||
	    apply_reject_duplicate(ap, rd, x, seq) != 0)
		return -1;
	if (field_date(rd, x, c_promise, &ex->promise, 0) != 0 ||
	    field_date(rd, x, c_contact, &ex->contact, 0) != 0 ||
	    field_date(rd, x, c_hold, &ex->hold, 0) != 0 ||
	    field_date(rd, x, c_ack, &ex->ack, 0) != 0 ||
	    field_date(rd, x, c_demand, &ex->demand, 0) != 0 ||
	    field_money(rd, x, c_promise_amount, d.dec, &ex->promise_amount,
	    0) != 0 || field_text(rd, x, c_stage, &t, 0) != 0)
		return -1;
	ex->lead = dun_stage_lead(pol, t.p, t.n);
	{
		int e, p;
		if (field_enum(rd, x, c_excuse, excuse_parse,
		    "unknown excuse (" EXCUSE_WORDS ")", &e) != 0 ||
		    field_enum(rd, x, c_power, power_parse,
		    "unknown power (strong-weak, peer, unable)", &p) != 0)
			return -1;
		ex->excuse = (uint8_t)e;
		ex->power = (uint8_t)p;
	}
	is_item = apply_is_item(ap, &d, seq);
	it->due = d.due_date != DATE_NONE ? d.due_date : d.invoice_date;
	if (is_item && it->due == DATE_NONE) {
		rec_reject(rd, x, "field 'due_date' is empty");
		return -1;
	}
	it->grade = grade_of(x, &bad);
	if (bad)
		return -1;
	if (!apply_in_time(ap, &d))
		return 1;	/* dated after the plan */
	if (!is_item && apply_is_applied(ap, &d, seq, &left))
		return 1;	/* in its invoice's open */
	it->credit = !is_item;
	it->disputed = (int8_t)d.disputed;
	it->invoice_date = d.invoice_date;
	ex->amount = d.amount;
	it->receipt0 = DATE_NONE;
	if (it->credit) {
		if (left == 0)
			return 1;
		it->open0 = left;
		*dp = d;
		return 0;
	}
	it->open0 = d.has_open ? d.open : apply_open_at(ap, &d, opt.from);
	/* the receipts: the open's changes within the plan, the last one
	 * before it (limitation), those that keep a promise */
	memset(&pc, 0, sizeof(pc));
	pc.it = it;
	pc.from = opt.from;
	pc.to = opt.to;
	pc.pdate = ex->promise;
	pc.win0 = ex->contact != DATE_NONE && ex->contact < ex->promise ?
	    ex->contact : it->due;
	it->chg = (uint32_t)nchgs;
	add_chg(0, 0);		/* the count, when there are some */
	if (d.paid != 0 && d.paid_date != DATE_NONE)
		receipt(d.paid_date, DOC_PAYMENT, -d.paid, &pc);
	if (!d.has_open)
		apply_each(ap, &d, receipt, &pc);
	if (nchgs == it->chg + 1) {
		nchgs--;
		it->chg = 0;
	} else
		chgs[it->chg].date = (int32_t)(nchgs - it->chg - 1);
	ex->kept = (int8_t)promise_kept(ex, &d, &pc);
	if (it->open0 == 0 && it->chg == 0)
		return 1;	/* closed before the plan, and stays closed */
	*dp = d;
	return 0;
}

/* The extras every item without its own has. */
static void
extras_init(void)
{
	capextras = 256;
	extras = xmalloc(capextras * sizeof(*extras));
	memset(&extras[0], 0, sizeof(extras[0]));
	extras[0].promise = extras[0].hold = extras[0].contact =
	    extras[0].ack = extras[0].demand = DATE_NONE;
	extras[0].lead = dun_stage_lead(pol, "", 0);
	extras[0].kept = 1;
	nextras = 1;
	add_chg(0, 0);		/* chg 0: no changes */
}

static int
extra_needed(const struct extra *ex)
{
	const struct extra *z = &extras[0];

	if (opt.min_percent.num > 0 && ex->amount > 0)
		return 1;	/* the amount is read every day */
	return ex->promise_amount != z->promise_amount ||
	    ex->promise != z->promise || ex->hold != z->hold ||
	    ex->contact != z->contact || ex->ack != z->ack ||
	    ex->demand != z->demand || ex->lead != z->lead ||
	    ex->excuse != z->excuse || ex->power != z->power ||
	    ex->kept != z->kept;
}

/* Pass A (quiet): every record into an item. */
static uint64_t *bad;		/* the records it rejected */
static size_t nbad, capbad;

static void
read_items(void)
{
	struct rec *x;
	uint64_t seq = 0;
	size_t warm = 0;	/* the items below it are prefaulted */
	struct grp_pipe *pipe = grp_pipe_new(custmap, sizeof(struct custpush),
	    cust_assign, NULL);

	for (; (x = rec_next(rd)) != NULL; seq++) {
		struct item it;
		struct extra ex;
		struct doc d;
		int r = read_item(x, seq, &it, &ex, &d);
		if (r < 0) {
			if (nbad == capbad) {
				capbad = capbad ? 2 * capbad : 64;
				bad = xrealloc(bad, capbad * sizeof(*bad));
			}
			bad[nbad++] = seq;
		} else if (r == 0) {
			if (nitems == capitems) {
				items = xgrow_huge(items, capitems * sizeof(*items),
				    (capitems ? 2 * capitems : 256) * sizeof(*items));
				capitems = capitems ? 2 * capitems : 256;
			}
			if (nitems == warm) {	/* the next 2 MB, in one go */
				size_t k = nitems + (2u << 20) / sizeof(*items);
				warm = k < capitems ? k : capitems;
				xprefault(items + nitems, (warm - nitems) *
				    sizeof(*items));
			}
			/* the number for the rows' lists; the fields are copied
			 * in pass B, for the items a row prints */
			it.inv = "", it.ninv = 0;
			if (led.invoice >= 0 && (size_t)led.invoice < x->nv &&
			    x->v[led.invoice].p != NULL && x->v[led.invoice].n <
			    UINT32_MAX) {
				it.inv = arena_dup(&keep, x->v[led.invoice].p,
				    x->v[led.invoice].n);
				it.ninv = (uint32_t)x->v[led.invoice].n;
			}
			if (extra_needed(&ex)) {
				if (nextras == capextras) {
					capextras *= 2;
					extras = xrealloc(extras, capextras *
					    sizeof(*extras));
				}
				it.x = (uint32_t)nextras;
				extras[nextras++] = ex;
			}
			{
				struct custpush cp = { (uint32_t)nitems, d.dec };
				items[nitems++] = it;
				key_reset(&ckey);
				key_add(&ckey, d.customer.p, d.customer.n);
				key_add(&ckey, d.currency.p, d.currency.n);
				grp_pipe_push(pipe, ckey.p, ckey.n, &cp);
			}
		}
		rec_filtered(rd, x);
	}
	grp_pipe_flush(pipe);
	grp_pipe_free(pipe);
}

/* The grade of each item of CU (named F[0], currency F[1]): --grades, else
 * the record's, else the policy's default; and the customer's limit. */
static void
grade_customer(struct cust *cu, const char *const *f, const size_t *fn)
{
	struct gent *e = NULL;
	int lacking = 0;

	if (gmap != NULL) {
		key_reset(&ckey);
		key_add(&ckey, f[0], fn[0]);
		if (gmap_cur)
			key_add(&ckey, f[1], fn[1]);
		e = grp_find(gmap, ckey.p, ckey.n, grp_hash(ckey.p, ckey.n));
	}
	if (e != NULL) {
		cu->has_limit = e->has_limit;
		cu->limit = e->limit;
	}
	for (uint32_t i = 0; i < cu->n; i++) {
		struct item *it = &items[cu->first + i];
		if (e != NULL)
			it->grade = e->grade;
		else if (!it->grade) {
			it->grade = pol->default_grade[0];
			lacking = 1;
		}
	}
	if (gmap != NULL && e == NULL && lacking) {
		if (ungraded == NULL) {
			ungraded = grp_new(1);
			snprintf(ungraded_first, sizeof(ungraded_first), "%.*s",
			    (int)fn[0], f[0]);
		}
		grp_get(ungraded, f[0], fn[0], grp_hash(f[0], fn[0]));
	}
}

#define AHEAD 8

static void
prefetch_item(uint32_t i)
{
	const char *p = (const char *)&items[i];

	__builtin_prefetch(p, 1);
	__builtin_prefetch(p + sizeof(struct item) - 1, 1);
}

/* Items by customer (their changes go with them: an item knows where
 * its own are); each customer's first item, count, name and rate. */
static void
group_items(void)
{
	void **keys = grp_all(custmap);
	uint32_t at = 0;

	/* a counting sort of the items by customer, in input order within
	 * their customer, then the items moved there in place (a cycle
	 * walk): each day reads a customer's items side by side */
	uint32_t *to = xgrow_huge(NULL, 0, (nitems + 1) * sizeof(*to));
	uint32_t *next = xcalloc(ncusts + 1, sizeof(*next));	/* in cache */
	for (size_t i = 0; i < grp_len(custmap); i++) {
		const struct cpay *cp = keys[i];
		custs[cp->id - 1].n = cp->n;
	}
	for (size_t c = 0; c < ncusts; c++) {
		custs[c].first = next[c] = at;
		at += custs[c].n;
	}
	for (size_t i = 0; i < nitems; i++)
		to[i] = next[items[i].cust]++;
	free(next);
	for (size_t i = 0; i < nitems; i++) {
		/* the cycle's items, AHEAD steps before they move: every
		 * step would be a miss otherwise (to[] is in cache) */
		uint32_t ahead = to[i];
		for (int k = 0; k < AHEAD; k++) {
			prefetch_item(ahead);
			ahead = to[ahead];
		}
		while (to[i] != i) {
			uint32_t j = to[i];
			struct item t;
			prefetch_item(ahead);
			ahead = to[ahead];
			t = items[j];
			items[j] = items[i];
			items[i] = t;
			to[i] = to[j];
			to[j] = j;
		}
	}
	xfree_huge(to, (nitems + 1) * sizeof(*to));
	for (size_t i = 0; i < grp_len(custmap); i++) {
		size_t n;
		const char *k = grp_key(keys[i], &n);
		const char *f[2];
		size_t fn[2];
		struct cust *cu = &custs[*(uint32_t *)keys[i] - 1];
		key_split(k, n, f, fn, 2);
		cu->name = f[0];
		cu->nname = fn[0];
		cu->cur = f[1];
		cu->ncur = fn[1];
		if (currencies == NULL)
			currencies = grp_new(1);
		if (grp_find(currencies, f[1], fn[1], grp_hash(f[1], fn[1])) ==
		    NULL) {
			grp_get(currencies, f[1], fn[1], grp_hash(f[1], fn[1]));
			ncurrencies++;
		}
		grade_customer(cu, f, fn);
		if (rates != NULL) {
			const struct decimal *r = rates_find(rates, f[1], fn[1]);
			if (r == NULL)
				die(EXIT_FATAL, "%s: no rate for %.*s", opt.rates,
				    (int)fn[1], f[1]);
			cu->rate = *r;
			cu->has_rate = 1;
		}
	}
	free(keys);
}

/* The open of item IT on day D: on --from, then its changes. */
static int64_t
open_on(const struct item *it, int32_t d)
{
	int64_t v = it->open0;
	const struct chg *c = &chgs[it->chg];
	uint32_t n = it->chg ? (uint32_t)c->date : 0;

	for (uint32_t i = 1; i <= n; i++)
		if (c[i].date <= d)
			v += c[i].amt;
	return v;
}

static int32_t
last_receipt(const struct item *it, int32_t d)
{
	int32_t r = it->receipt0;

	const struct chg *c = &chgs[it->chg];
	uint32_t n = it->chg ? (uint32_t)c->date : 0;

	for (uint32_t i = 1; i <= n; i++)
		if (c[i].date <= d && c[i].amt < 0 && c[i].date > r)
			r = c[i].date;
	return r;
}

/* ---- a customer's day ---- */

struct state {			/* an item on the day */
	struct item *it;
	int64_t open;
	int32_t days;
	int held, pending, broken, small;
};

struct row {
	int act, owner, notices;
	int32_t date, days, deadline, statute_end, extra_date;
	int64_t open, priority, overdue, not_due, unapplied, net_overdue;
	int64_t extra_amount;
	uint32_t items;
	unsigned factors;
	const struct item *rec;	/* whose fields it prints; NULL: the customer's */
	const struct cust *cu;
	const char *invoices;	/* (the day's arena) */
	char grade;
	int excuse, power;
	enum style style;
	char *scores;		/* --explain (the day's arena) */
};

static struct row *rows;	/* the day's */
static size_t nrows, caprows;
static struct arena dayarena;
static int writing;		/* the second walk writes; the first marks */

/* The customer's position on the day (SPEC 5.1). */
struct pos {
	int64_t overdue, not_due, unapplied, net_overdue, net;
	int any;			/* something open or unapplied */
};

static struct row *
new_row(int act, int32_t d, const struct cust *cu, const struct pos *ps,
    const struct state *s)
{
	struct row *r;

	if (nrows == caprows) {
		rows = xgrow_huge(rows, caprows * sizeof(*rows),
		    (caprows ? 2 * caprows : 256) * sizeof(*rows));
		caprows = caprows ? 2 * caprows : 256;
	}
	r = &rows[nrows++];
	memset(r, 0, sizeof(*r));
	r->act = act;
	r->date = d;
	r->cu = cu;
	r->overdue = ps->overdue;
	r->not_due = ps->not_due;
	r->unapplied = ps->unapplied;
	r->net_overdue = ps->net_overdue;
	r->deadline = r->statute_end = r->extra_date = DATE_NONE;
	if (s != NULL) {
		r->rec = s->it;
		r->open = s->open;
		r->days = s->days;
		r->grade = s->it->grade;
		r->excuse = XT(s->it)->excuse;
		r->power = XT(s->it)->power;
		r->items = 1;
	} else {
		r->grade = pol->default_grade[0];
		r->open = ps->net;
	}
	if (r->rec != NULL)
		((struct item *)r->rec)->printed = 1;
	return r;
}

/* "I1;I2;... +N more" of the items of S for which PICK holds, and their
 * count. */
static const char *
invoice_list(const struct state *s, size_t n, int (*pick)(const struct state *,
    void *), void *arg, uint32_t *count)
{
	size_t len = 0, k = 0, o = 0;
	char *b;

	*count = 0;
	for (size_t i = 0; i < n; i++)
		if (pick(&s[i], arg)) {
			if (*count < MAXINVOICES)
				len += s[i].it->ninv + 1;
			(*count)++;
		}
	if (!writing && opt.from != opt.to)
		return "";	/* the first walk only marks what prints */
	b = arena_bytes(&dayarena, len + 32);
	for (size_t i = 0; i < n && k < MAXINVOICES; i++) {
		if (!pick(&s[i], arg))
			continue;
		if (k++ > 0)
			b[o++] = ';';
		memcpy(b + o, s[i].it->inv, s[i].it->ninv);
		o += s[i].it->ninv;
	}
	b[o] = '\0';
	if (*count > MAXINVOICES)
		snprintf(b + o, 32, " +%u more", *count - MAXINVOICES);
	return b;
}

static int
pick_overdue(const struct state *s, void *arg)
{
	(void)arg;
	return s->open > 0 && !s->it->disputed && s->days > 0 && !s->held &&
	    !s->small;
}

static int
pick_item(const struct state *s, void *arg)
{
	return s == arg;
}

/* The style of a day, as pick-script would choose it (SPEC 5.3). */
static enum style
style_on(int32_t d, int32_t days, char grade, int excuse, int power,
    int disputed, char *scores, size_t cap)
{
	struct situation s;
	struct style_score sc[NSTYLES];
	enum style best, order[NSTYLES];
	int y, m, dd;
	size_t n, o = 0;

	date_to_civil(d, &y, &m, &dd);
	s.excuse = excuse;
	s.power = power;
	s.days_overdue = days;
	s.grade = grade;
	s.days_to_period_end = date_month_end(d) - d;
	s.quarter_end = m % 3 == 0;
	s.disputed = disputed;
	best = style_pick(&s, sc);
	if (scores != NULL) {
		n = style_rank(sc, order);
		scores[0] = '\0';
		for (size_t i = 0; i < n && i < 3 && o < cap; i++)
			o += (size_t)snprintf(scores + o, cap - o, "%s%s %d",
			    i ? "; " : "", styles[order[i]].code, sc[order[i]].score);
	}
	return best;
}

struct firmctx {
	char grade;
	int excuse, power;
};

/* The styles firm_on has worked out: the deadline walks every notice of
 * an item so far (a hundred for a debt of three years), and the items of
 * a ledger share their due dates, grades and excuses. */
static struct firmseen {
	int32_t day, days;
	char grade;
	int8_t excuse, power, firm;	/* firm: 0 none yet, 1 no, 2 yes */
} firmseen[4096];

static int
firm_on(int32_t day, int32_t days, void *arg)
{
	const struct firmctx *f = arg;
	uint32_t h = ((uint32_t)day * 31u + (uint32_t)days * 7u +
	    (uint32_t)(unsigned char)f->grade * 3u + (uint32_t)f->excuse * 5u +
	    (uint32_t)f->power) * 2654435761u >> 20;
	struct firmseen *e = &firmseen[h];

	if (e->firm == 0 || e->day != day || e->days != days ||
	    e->grade != f->grade || e->excuse != f->excuse ||
	    e->power != f->power) {
		e->day = day;
		e->days = days;
		e->grade = f->grade;
		e->excuse = (int8_t)f->excuse;
		e->power = (int8_t)f->power;
		e->firm = style_on(day, days, f->grade, f->excuse, f->power, 0,
		    NULL, 0) == ST_FIRM ? 2 : 1;
	}
	return e->firm == 2;
}

/* Below --min-amount for its currency? */
static int
below_min(int64_t amount, const struct cust *cu)
{
	for (int i = 0; i < opt.nminamt; i++)
		if (strlen(opt.minamt[i].cur) == cu->ncur &&
		    memcmp(opt.minamt[i].cur, cu->cur, cu->ncur) == 0) {
			int64_t min = opt.minamt[i].min;
			for (int k = opt.minamt[i].dec; k < cu->dec; k++)
				min *= 10;
			for (int k = cu->dec; k < opt.minamt[i].dec; k++)
				min /= 10;
			return amount < min;
		}
	return 0;
}

/* A plan over several days repeats 对账 every reconcile_every days from its
 * first working day, each moved to the next working day. */
static int
reconcile_day(int32_t d)
{
	int32_t r0 = dun_next_work(&cal, opt.from);

	if (!dun_workday(&cal, d) || d < r0)
		return 0;
	for (int32_t n = dun_prev_work(&cal, d - 1) + 1; n <= d; n++)
		if (n >= r0 && (n - r0) % pol->reconcile_every == 0)
			return 1;
	return 0;
}

/* A row of the dunning ladder: its money is the net overdue. */
static int
ladder_row(int act)
{
	return (DUN_BIT(act) & (DUN_CONTACT | DUN_MEASURES | DUN_BIT(A_CONFIRM) |
	    DUN_BIT(A_APPLY_CASH))) != 0;
}

/* Who owns a row, and the factors of its priority. */
static void
finish(struct row *r, const struct pos *ps, int broken, int pending)
{
	const struct cust *cu = r->cu;
	int64_t amt;

	r->owner = dun_rung(pol, r->days, r->grade, r->excuse, broken);
	switch (r->act) {
	case A_DISPUTE:
		r->owner = RUNG_DELIVERY;	/* delivery resolves disputes */
		break;
	case A_RECONCILE:
	case A_APPLY_CASH:
	case A_STATUTE:
		r->owner = RUNG_FINANCE;	/* finance matches (核销) */
		break;
	case A_LEGAL:
		r->owner = RUNG_EXECUTIVE;
		break;
	}
	r->factors |= (broken ? PF_BROKEN : 0) | (pending ? PF_PENDING : 0);
	if (cu->has_limit && ps->net > cu->limit && r->act != A_RECONCILE)
		r->factors |= PF_OVER;
	r->notices = dun_notices(pol, r->days);
	amt = ladder_row(r->act) ? r->net_overdue : r->open;
	r->priority = dun_priority(pol, amt, cu->dec, cu->has_rate ? &cu->rate :
	    NULL, r->days, r->grade, r->factors, r->notices);
	if (opt.c.explain)
		r->scores = arena_alloc(&dayarena, SCORES);
	r->style = style_on(r->date, r->days, r->grade, r->excuse, r->power,
	    r->act == A_DISPUTE, r->scores, SCORES);
}

/* Rows grouped over several items of a customer (reminders, warnings,
 * disputes): one row, the earliest-due item's fields, their sum. */
static void
group_row(int act, int32_t d, const struct cust *cu, const struct pos *ps,
    struct state *s, size_t n, int (*pick)(const struct state *, void *),
    void *arg)
{
	struct row *r = NULL;
	struct state *first = NULL;
	int64_t sum = 0, promised = 0;
	int32_t end = DATE_NONE, pdate = DATE_NONE;

	for (size_t i = 0; i < n; i++) {
		if (!pick(&s[i], arg))
			continue;
		money_sum(&sum, s[i].open);
		if (first == NULL || s[i].it->due < first->it->due)
			first = &s[i];
		if (act == A_STATUTE) {
			int32_t e = dun_statute_end(pol, s[i].it->due, last_receipt(s[i].it,
			    d), XT(s[i].it)->ack, XT(s[i].it)->demand);
			if (end == DATE_NONE || e < end)
				end = e;
		}
		if (act == A_PROMISE) {
			pdate = XT(s[i].it)->promise;
			money_sum(&promised, XT(s[i].it)->promise_amount);
		}
	}
	if (first == NULL)
		return;
	r = new_row(act, d, cu, ps, first);
	r->open = sum;
	r->invoices = invoice_list(s, n, pick, arg, &r->items);
	r->statute_end = end;
	r->extra_date = pdate;
	r->extra_amount = promised;
	if (act == A_DISPUTE)
		r->factors |= PF_DISPUTE;
	finish(r, ps, 0, act == A_PROMISE);
}

static int
pick_remind(const struct state *s, void *arg)
{
	int32_t d = *(const int32_t *)arg;

	return s->open > 0 && s->days < 0 && !s->it->disputed &&
	    dun_remind_day(pol, &cal, s->it->due, XT(s->it)->lead,
	    s->it->invoice_date) == d;
}

static int
pick_statute(const struct state *s, void *arg)
{
	int32_t d = *(const int32_t *)arg;

	return s->open > 0 && dun_statute_warns(pol, &cal, s->it->due,
	    last_receipt(s->it, d), XT(s->it)->ack, XT(s->it)->demand, d);
}

static int
pick_promise(const struct state *s, void *arg)
{
	int32_t d = *(const int32_t *)arg;

	return s->open > 0 && s->pending &&
	    dun_prev_work(&cal, XT(s->it)->promise - 1) == d;
}

static int
pick_dispute(const struct state *s, void *arg)
{
	int32_t d = *(const int32_t *)arg;

	return s->open > 0 && s->it->disputed && dun_dispute_day(pol, &cal, d,
	    s->days);
}

/* The items of the day that PICK takes: one row for them all per customer,
 * or one row each with --per invoice. */
static void
some(int act, int32_t d, const struct cust *cu, const struct pos *ps,
    struct state *s, size_t n, int (*pick)(const struct state *, void *))
{
	if (!opt.per_invoice) {
		group_row(act, d, cu, ps, s, n, pick, &d);
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (pick(&s[i], &d))
			group_row(act, d, cu, ps, s, n, pick_item, &s[i]);
}

/* The dunning of one ladder: the cadence and the measures of DRIVER,
 * demanding NET (SPEC 5.1). With unapplied cash that covers what is
 * overdue, apply-cash instead of a demand. */
static void
ladder(int32_t d, const struct cust *cu, const struct pos *ps,
    const struct state *driver, int64_t net, const struct dun_gate *g,
    int broken, int pending, const char *invoices, uint32_t nlisted)
{
	const struct item *it = driver->it;
	unsigned mask;
	int32_t deadline;
	struct firmctx fc = { it->grade, XT(it)->excuse, XT(it)->power };

	if (below_min(net > 0 ? net : ps->overdue, cu))
		return;
	mask = dun_cadence(pol, &cal, d, driver->days, it->grade, g) |
	    dun_measures(pol, &cal, d, driver->days, it->grade, g);
	if (net <= 0 && (mask & (DUN_CONTACT | DUN_MEASURES))) {
		/* 核销 first: their receipt pays what is overdue */
		mask &= ~(DUN_CONTACT | DUN_MEASURES);
		if (dun_cadence(pol, &cal, d, driver->days, it->grade, g) &
		    DUN_CONTACT)
			mask |= DUN_BIT(A_APPLY_CASH);
	}
	if (mask == 0)
		return;
	deadline = dun_deadline(pol, &cal, d, driver->days, firm_on, &fc);
	for (int k = 0; k < NACTS; k++) {
		struct row *r;
		if (!(mask & DUN_BIT(k)))
			continue;
		r = new_row(k, d, cu, ps, driver);
		r->net_overdue = net > 0 ? net : 0;
		r->invoices = invoices;
		r->items = nlisted;
		r->deadline = deadline;
		finish(r, ps, broken, pending);
	}
}

static struct state *day;	/* the customer's items on the day */
static size_t capday;

static void
customer_day(const struct cust *cu, int32_t d)
{
	struct pos ps = { 0, 0, 0, 0, 0, 0 };
	struct state *driver = NULL;
	size_t n = 0;
	int broken = 0, pending = 0;
	struct dun_gate g = { DATE_NONE, DATE_NONE, DATE_NONE };
	uint32_t novd;
	const char *invoices;

	if (capday < cu->n) {
		capday = cu->n;
		day = xrealloc(day, capday * sizeof(*day));
	}
	for (uint32_t i = 0; i < cu->n; i++) {
		struct item *it = &items[cu->first + i];
		struct state *s;
		if (it->invoice_date != DATE_NONE && it->invoice_date > d)
			continue;	/* not there yet */
		if (it->credit) {
			money_sum(&ps.unapplied, it->open0);
			money_sum(&ps.net, it->open0);
			ps.any = 1;
			continue;
		}
		s = &day[n++];
		s->it = it;
		s->open = open_on(it, d);
		s->days = d - it->due;
		s->held = XT(it)->hold != DATE_NONE && XT(it)->hold >= d;
		s->pending = XT(it)->promise != DATE_NONE && XT(it)->promise >= d;
		s->broken = XT(it)->promise != DATE_NONE && XT(it)->promise < d &&
		    s->open > 0 && !XT(it)->kept;
		s->small = 0;
		if (opt.min_percent.num > 0 && XT(it)->amount > 0) {
			i128 lhs = (i128)s->open * 100;
			i128 rhs = (i128)XT(it)->amount * opt.min_percent.num;
			for (int k = 0; k < opt.min_percent.scale; k++)
				lhs *= 10;
			s->small = lhs < rhs;
		}
		ps.any |= s->open != 0;
		money_sum(&ps.net, s->open);
		if (s->open < 0) {
			money_sum(&ps.unapplied, s->open);	/* paid over: credit */
			continue;
		}
		if (s->open == 0)
			continue;
		if (pick_overdue(s, NULL)) {
			money_sum(&ps.overdue, s->open);
			if (driver == NULL || s->days > driver->days ||
			    (s->days == driver->days && s->it->invoice_date <
			    driver->it->invoice_date))
				driver = s;
			broken |= s->broken;
			pending |= s->pending;
			if (s->pending && (g.promise == DATE_NONE || XT(it)->promise >
			    g.promise))
				g.promise = XT(it)->promise;
			if (XT(it)->contact != DATE_NONE && (g.contact == DATE_NONE ||
			    XT(it)->contact > g.contact))
				g.contact = XT(it)->contact;
		} else if (s->days <= 0)
			money_sum(&ps.not_due, s->open);
	}
	ps.net_overdue = ps.overdue;
	money_sum(&ps.net_overdue, ps.unapplied);
	if (ps.net_overdue < 0)
		ps.net_overdue = 0;
	/* nothing owed net: reconcile (对账/核销), and no dunning */
	if (ps.net <= 0) {
		if (ps.any && reconcile_day(d)) {
			struct row *r = new_row(A_RECONCILE, d, cu, &ps, NULL);
			finish(r, &ps, 0, 0);
		}
		return;
	}
	some(A_REMIND, d, cu, &ps, day, n, pick_remind);
	some(A_PREPARE, d, cu, &ps, day, n, pick_remind);
	some(A_STATUTE, d, cu, &ps, day, n, pick_statute);
	some(A_PROMISE, d, cu, &ps, day, n, pick_promise);
	some(A_DISPUTE, d, cu, &ps, day, n, pick_dispute);
	if (opt.per_invoice) {
		for (size_t i = 0; i < n; i++) {
			struct dun_gate gi = { XT(day[i].it)->hold, XT(day[i].it)->promise,
			    XT(day[i].it)->contact };
			int64_t net;
			if (day[i].open <= 0 || day[i].it->disputed || day[i].days <= 0 ||
			    day[i].small)
				continue;
			/* an item never asks for more than its customer owes */
			net = day[i].open < ps.net_overdue ? day[i].open : ps.net_overdue;
			gi.hold = XT(day[i].it)->hold;
			ladder(d, cu, &ps, &day[i], net, &gi, day[i].broken,
			    day[i].pending, day[i].it->inv[0] ? invoice_list(&day[i], 1,
			    pick_item, &day[i], &novd) : "", 1);
		}
		return;
	}
	if (driver == NULL)
		return;
	invoices = invoice_list(day, n, pick_overdue, NULL, &novd);
	ladder(d, cu, &ps, driver, ps.net_overdue, &g, broken, pending, invoices,
	    novd);
}

/* ---- output ---- */

enum { O_OPEN, O_DAYS, O_BUCKET, O_DATE, O_ACTION, O_CHANNEL, O_OWNER, O_CC,
	O_AUDIENCE, O_STYLE, O_PRIORITY, O_OVERDUE, O_NOT_DUE, O_UNAPPLIED,
	O_NET, O_INVOICES, O_ITEMS, O_DEADLINE, O_STATUTE, O_NOTE, O_WHY,
	O_STYLES, NOUT };

/* open, days_overdue and bucket first: the columns of ar-age's detail, so
 * that ar-age L | dun-plan writes what dun-plan L writes (SPEC 1.10) */
static const struct ocol ocols[NOUT] = {
	{ "open", 1 }, { "days_overdue", 1 }, { "bucket", 0 }, { "date", 0 },
	{ "action", 0 }, { "channel", 0 }, { "owner", 0 }, { "cc", 0 },
	{ "audience", 0 }, { "style", 0 }, { "priority", 1 }, { "overdue", 1 },
	{ "not_due", 1 }, { "unapplied", 1 }, { "net_overdue", 1 },
	{ "invoices", 0 }, { "items", 1 }, { "deadline", 0 },
	{ "statute_end", 0 }, { "note", 0 }, { "priority_factors", 0 },
	{ "style_scores", 0 },
};

static struct writer *wr;

/* Two texts, bytewise, the shorter first when one begins the other. */
static int
cmp_text(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);

	return c ? c : (an > bn) - (an < bn);
}

/* The day's order: priority, highest first; then, so that the order does
 * not depend on the input's (SPEC 1.10), the customer, the currency, the
 * item's due date and number, and the action. */
static int
cmp_row(const void *x, const void *y)
{
	const struct row *a = x, *b = y;
	int c;

	if (a->priority != b->priority)
		return a->priority > b->priority ? -1 : 1;
	if ((c = cmp_text(a->cu->name, a->cu->nname, b->cu->name,
	    b->cu->nname)) != 0)
		return c;
	if ((c = cmp_text(a->cu->cur, a->cu->ncur, b->cu->cur, b->cu->ncur)) != 0)
		return c;
	if ((a->rec == NULL) != (b->rec == NULL))
		return a->rec == NULL ? 1 : -1;
	if (a->rec != NULL) {
		if (a->rec->due != b->rec->due)
			return a->rec->due < b->rec->due ? -1 : 1;
		if ((c = cmp_text(a->rec->inv, a->rec->ninv, b->rec->inv,
		    b->rec->ninv)) != 0)
			return c;
		if (a->rec->invoice_date != b->rec->invoice_date)
			return a->rec->invoice_date < b->rec->invoice_date ? -1 : 1;
	}
	return (a->act > b->act) - (a->act < b->act);
}

static const char *
note_of(const struct row *r, char *buf, size_t cap)
{
	int zh = opt.c.lang == LANG_ZH;
	char d[16], m[MONEY_BUFSZ];
	const char *base = zh ? dun_acts[r->act].zh : dun_acts[r->act].en;

	snprintf(buf, cap, "%s", base);
	if (r->act == A_STATUTE && r->statute_end != DATE_NONE) {
		date_format(d, r->statute_end);
		snprintf(buf + strlen(buf), cap - strlen(buf), zh ? "（%s届满）" :
		    " on %s", d);
	}
	if (r->act == A_PROMISE && r->extra_date != DATE_NONE) {
		date_format(d, r->extra_date);
		snprintf(buf + strlen(buf), cap - strlen(buf), zh ? "：%s" : ": %s",
		    d);
		if (r->extra_amount > 0) {	/* the amount promised, if given */
			money_format(m, r->extra_amount, r->cu->dec, 0);
			snprintf(buf + strlen(buf), cap - strlen(buf), " %s %.*s", m,
			    (int)r->cu->ncur, r->cu->cur);
		}
	}
	if (r->deadline != DATE_NONE && r->act == A_WRITTEN) {
		date_format(d, r->deadline);
		snprintf(buf + strlen(buf), cap - strlen(buf), zh ? "；最后期限%s" :
		    "; final deadline %s", d);
	}
	return buf;
}

static void
why_of(const struct row *r, char *buf, size_t cap)
{
	char m[MONEY_BUFSZ], w[32];
	size_t o;
	int64_t amt = ladder_row(r->act) ? r->net_overdue : r->open;

	money_format(m, amt > 0 ? amt : 0, r->cu->dec, 0);
	fixed_format(w, pol->weight[dun_grade_index(r->grade)], 4, 0);
	o = (size_t)snprintf(buf, cap, "%s %s x %d days x grade %c %s",
	    ladder_row(r->act) ? "net overdue" : "open", m,
	    r->days > 1 ? r->days : 1, r->grade, w);
	if (r->cu->has_rate && o < cap) {
		fixed_format(w, r->cu->rate.num, r->cu->rate.scale, 0);
		o += (size_t)snprintf(buf + o, cap - o, " x rate %s", w);
	}
#define F(bit, name, v) if ((r->factors & bit) && o < cap) { \
	fixed_format(w, v, 4, 0); o += (size_t)snprintf(buf + o, cap - o, \
	    " x %s %s", name, w); }
	F(PF_DISPUTE, "disputed", pol->f_dispute);
	F(PF_PENDING, "promise pending", pol->f_promise);
	F(PF_BROKEN, "promise broken", pol->f_broken);
	F(PF_OVER, "over limit", pol->f_over);
#undef F
	if (r->notices > 0 && o < cap) {
		fixed_format(w, 10000 + pol->f_notice * r->notices, 4, 0);
		snprintf(buf + o, cap - o, " x %d notices %s", r->notices, w);
	}
}

/* A row about the customer, not one of its records: only the customer
 * and currency fields. */
static struct val *
customer_fields(const struct cust *cu, size_t *nv)
{
	size_t n = (size_t)(led.customer > led.currency ? led.customer :
	    led.currency) + 1;
	struct val *v = arena_alloc(&dayarena, n * sizeof(*v));

	for (size_t i = 0; i < n; i++)
		v[i] = (struct val){ "", 0, V_ABSENT };
	v[led.customer] = (struct val){ cu->name, cu->nname, V_STR };
	if (led.currency >= 0)
		v[led.currency] = (struct val){ cu->cur, cu->ncur, V_STR };
	*nv = (uint32_t)n;
	return v;
}

static void
write_row(const struct row *r)
{
	struct cell c[NOUT];
	char date[16], dl[16], se[16], note[512], why[512];
	const char *cc = dun_ccs[r->owner];
	struct rec rec;
	int k = 0;

	if (r->rec != NULL) {
		uint32_t nv;
		rec.v = unpack_fields(r->rec, &nv);
		rec.nv = nv;
	} else
		rec.v = customer_fields(r->cu, &rec.nv);
	rec.file = "";
	rec.line = 0;
	rec.done = 1;
	date_format(date, r->date);
	if (r->act == A_LEGAL)
		cc = "finance";
	c[k++] = cell_money(r->open, r->cu->dec);
	c[k++] = r->rec ? cell_int(r->days) : cell_null();
	{
		const char *b = r->rec ? bk.b[bucket_of(&bk, r->days)].label : NULL;
		c[k++] = b ? cell_text(b, strlen(b)) : cell_null();
	}
	c[k++] = cell_text(date, 10);
	c[k++] = cell_text(dun_acts[r->act].code, strlen(dun_acts[r->act].code));
	c[k++] = cell_text(dun_acts[r->act].channel,
	    strlen(dun_acts[r->act].channel));
	c[k++] = cell_text(dun_rungs[r->owner], strlen(dun_rungs[r->owner]));
	c[k++] = *cc ? cell_text(cc, strlen(cc)) : cell_null();
	c[k++] = dun_acts[r->act].internal ? cell_text("internal", 8) :
	    cell_text("customer", 8);
	/* a talk-track for the customer; none for our own staff */
	c[k++] = dun_acts[r->act].internal ? cell_null() :
	    cell_text(styles[r->style].code, strlen(styles[r->style].code));
	c[k++] = cell_int(r->priority);
	c[k++] = cell_money(r->overdue, r->cu->dec);
	c[k++] = cell_money(r->not_due, r->cu->dec);
	c[k++] = cell_money(r->unapplied, r->cu->dec);
	c[k++] = cell_money(r->net_overdue, r->cu->dec);
	c[k++] = r->invoices && *r->invoices ? cell_text(r->invoices,
	    strlen(r->invoices)) : cell_null();
	c[k++] = cell_int(r->items);
	if (r->deadline != DATE_NONE) {
		date_format(dl, r->deadline);
		c[k++] = cell_text(dl, 10);
	} else
		c[k++] = cell_null();
	if (r->statute_end != DATE_NONE) {
		date_format(se, r->statute_end);
		c[k++] = cell_text(se, 10);
	} else
		c[k++] = cell_null();
	note_of(r, note, sizeof(note));
	c[k++] = cell_text(note, strlen(note));
	if (opt.c.explain) {
		why_of(r, why, sizeof(why));
		c[k++] = cell_text(why, strlen(why));
		c[k++] = cell_text(r->scores, strlen(r->scores));
	}
	w_row(wr, &rec, c);
}

/* Every day of the plan: each customer's rows, the day's sorted by
 * priority, then written (or, in the first walk, only marked). A plan of
 * one day keeps the rows of the first walk for the second. */
static void
walk(void)
{
	for (int32_t d = opt.from; d <= opt.to; d++) {
		if (!writing || opt.from != opt.to) {
			nrows = 0;
			arena_reset(&dayarena);
			for (size_t i = 0; i < ncusts; i++)
				customer_day(&custs[i], d);
		}
		if (!writing)
			continue;
		if (nrows > 1)
			qsort(rows, nrows, sizeof(*rows), cmp_row);
		for (size_t i = 0; i < nrows; i++)
			write_row(&rows[i]);
	}
}

/* Pass B (counted): the records whose fields are on a row are written,
 * the rest filtered; those pass A rejected are read again to say why. */
static int
cmp_seq(const void *a, const void *b)
{
	const struct item *p = *(const struct item *const *)a;
	const struct item *q = *(const struct item *const *)b;

	return (p->seq > q->seq) - (p->seq < q->seq);
}

static void
account(void)
{
	struct item **byseq;
	struct rec *x;
	uint64_t seq = 0;
	size_t next = 0, nextbad = 0, np = 0;

	for (size_t i = 0; i < nitems; i++)
		np += items[i].printed != 0;
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): pointers, sorted */
	byseq = xcalloc(np + 1, sizeof(*byseq));
	np = 0;
	for (size_t i = 0; i < nitems; i++)
		if (items[i].printed)
			byseq[np++] = &items[i];
	if (np > 1)
		/* NOLINTNEXTLINE(bugprone-sizeof-expression): pointers, sorted */
		qsort(byseq, np, sizeof(*byseq), cmp_seq);
	for (; (x = rec_next(rd)) != NULL; seq++) {
		while (next < np && byseq[next]->seq < seq)
			next++;
		if (nextbad < nbad && bad[nextbad] == seq) {
			struct item it;
			struct extra ex;
			struct doc d;
			nextbad++;
			if (read_item(x, seq, &it, &ex, &d) < 0)
				continue;	/* rejected, and counted */
		}
		if (next < np && byseq[next]->seq == seq) {
			/* its fields are on a row: kept for the writing */
			pack_fields(x, byseq[next]);
			rec_written(rd, x);
		} else
			rec_filtered(rd, x);
	}
	free(byseq);
}

/* ---- main ---- */

static const struct tool tool = {
	"dun-plan",
	"dun-plan [-hqVv] [-F delim] [-i fmt] [-o fmt] [-O file]\n"
	"                [--as-of date | --from date --to date]\n"
	"                [--per customer|invoice] [--grades file] [--workdays]\n"
	"                [--holidays file] [--min-amount cur=n] [--min-percent pct]\n"
	"                [--rates file] [--base cur] [--currency cur] [--explain]\n"
	"                [--lang zh|en] [--policy file] [--policy-dump]\n"
	"                [--reject file] [--strict] [--max-record bytes] "
	"[file ...]",
	"The day's collection worklist: reminders before the due date, calls,\n"
	"written notices and visits after it, the collector for the day, the\n"
	"measures when a threshold is crossed and, past the lawyer's letter, a\n"
	"legal review; each customer's overdue, unapplied cash and the net\n"
	"overdue a demand may state; sorted by priority.",
	"      --per WHAT         customer (default): one ladder per customer;\n"
	"                         invoice: one per item\n"
	"      --grades FILE      grades (credit-grade output) by customer\n"
	"      --workdays         no actions on weekends: earlier before the due\n"
	"                         date, later after it\n"
	"      --holidays FILE    lines \"YYYY-MM-DD off\" or \"YYYY-MM-DD work\" "
	"(调休)\n"
	"      --min-amount CUR=N skip customers owing less than N in CUR\n"
	"      --min-percent P    skip items with less than P% of their amount open\n"
	"      --rates FILE       currency,rate lines: rank across currencies in\n"
	"                         --base units\n"
	"      --base CUR         the currency of --rates (default: rate 1)\n",
	OG_AS_OF | OG_LANG | OG_EXPLAIN | OG_POLICY | OG_PERIOD,
	OUT_RECORDS | (1u << FMT_ICS)
};

static void
min_amount(const char *arg)
{
	const char *eq = strchr(arg, '=');
	int known;
	struct minamt *m;

	if (eq == NULL || eq - arg >= 8 || eq == arg || opt.nminamt == MAXMIN) {
		warnx("--min-amount: CUR=AMOUNT, e.g. CNY=500, not \"%s\"", arg);
		usage();
	}
	m = &opt.minamt[opt.nminamt++];
	memcpy(m->cur, arg, (size_t)(eq - arg));
	m->cur[eq - arg] = '\0';
	m->dec = currency_decimals(m->cur, strlen(m->cur), &known);
	if (money_parse(eq + 1, strlen(eq + 1), m->dec, &m->min) != MONEY_OK ||
	    m->min < 0) {
		warnx("--min-amount: \"%s\" is not an amount in %s", eq + 1,
		    m->cur);
		usage();
	}
}

static void
options(int argc, char **argv)
{
	static const struct option own[] = {
		{ "grades", required_argument, NULL, OPT_GRADES },
		{ "per", required_argument, NULL, OPT_PER },
		{ "workdays", no_argument, NULL, OPT_WORKDAYS },
		{ "holidays", required_argument, NULL, OPT_HOLIDAYS },
		{ "min-amount", required_argument, NULL, OPT_MIN_AMOUNT },
		{ "min-percent", required_argument, NULL, OPT_MIN_PERCENT },
		{ "rates", required_argument, NULL, OPT_RATES },
		{ "base", required_argument, NULL, OPT_BASE },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	while ((ch = opts_next(&opt.c, argc, argv, own, "")) != -1) {
		switch (ch) {
		case OPT_GRADES:
			opt.grades = optarg;
			break;
		case OPT_PER:
			opt.per_invoice = opts_pick("--per", optarg, "customer",
			    "invoice");
			break;
		case OPT_WORKDAYS:
			cal.workdays = 1;
			break;
		case OPT_HOLIDAYS:
			opt.holidays = optarg;
			break;
		case OPT_MIN_AMOUNT:
			min_amount(optarg);
			break;
		case OPT_MIN_PERCENT:
			if (decimal_parse(optarg, &opt.min_percent) != 0) {
				warnx("--min-percent: \"%s\" is not a percentage", optarg);
				usage();
			}
			break;
		case OPT_RATES:
			opt.rates = optarg;
			break;
		case OPT_BASE:
			opt.base = optarg;
			break;
		default:
			usage();
		}
	}
	if (opt.base && !opt.rates) {
		warnx("--base goes with --rates");
		usage();
	}
}

int
main(int argc, char **argv)
{
	enum rec_fmt fmt;
	int st;
	static const int edges[] = { 30, 60, 90, 120 };

	opts_init(&opt.c, &tool, argc, argv);
	options(argc, argv);
	argc -= optind;
	argv += optind;
	if (opt.c.policy_dump) {
		policy_load(dun_policy_keys, NULL);
		policy_dump(dun_policy_keys, "dun-plan policy (SPEC 5.1): the "
		    "defaults");
		return fshut(EXIT_OK);
	}
	policy_load(dun_policy_keys, opt.c.policy);
	if (!strchr("ABCDEN", pol->default_grade[0]) || pol->default_grade[1])
		die(EXIT_FATAL, "%s: default_grade: A to E or N", opt.c.policy);
	if ((opt.c.from_arg == NULL) != (opt.c.to_arg == NULL)) {
		warnx("--from and --to go together");
		usage();
	}
	if (opt.c.from_arg && opt.c.as_of_arg) {
		warnx("--as-of or --from and --to, not both");
		usage();
	}
	opts_finish(&opt.c, NULL);
	if (opt.c.from_arg) {
		opt.from = opts_date("--from", opt.c.from_arg);
		opt.to = opts_date("--to", opt.c.to_arg);
		if (opt.from > opt.to || opt.to - opt.from >= MAXDAYS) {
			warnx("--from and --to: a period of 1 to %d days", MAXDAYS);
			usage();
		}
	} else
		opt.from = opt.to = opt.c.as_of;
	buckets_make(&bk, edges, 4, NULL, 0, 0);
	if (opt.holidays)
		read_holidays(opt.holidays);
	if (opt.grades)
		read_grades(opt.grades);
	if (opt.rates)
		rates = rates_load(opt.rates, opt.base);

	rd = rec_open(argv, argc, &opt.c.in);
	ledger_init(&led, rd, opt.c.currency, LD_DUE);
	c_stage = rec_col(rd, "stage");
	c_grade = rec_col(rd, "grade");
	c_excuse = rec_col(rd, "excuse");
	c_power = rec_col(rd, "power");
	c_promise = rec_col(rd, "promise_date");
	c_promise_amount = rec_col(rd, "promise_amount");
	c_contact = rec_col(rd, "last_contact");
	c_hold = rec_col(rd, "hold_until");
	c_ack = rec_col(rd, "ack_date");
	c_demand = rec_col(rd, "last_demand");
	ap = apply_new(opt.to, 0, 1);
	if (rec_empty(rd))
		return fshut(rec_close(rd, opt.c.verbose));
	fmt = opts_outfmt(&opt.c, rd);
	custmap = grp_new(sizeof(struct cpay));
	rec_want_rewind(rd);
	if (ledger_has_docs(&led))
		apply_join(ap, &led, rd, 0, 1);	/* then quiet, as the first */
	extras_init();
	read_items();
	group_items();
	walk();			/* which records print */
	rec_rewind(rd, 0);
	account();
	if (ungraded != NULL)
		warnx("%s: %zu customer%s not in it (the first: %s) get%s grade %s",
		    opt.grades, grp_len(ungraded), grp_len(ungraded) > 1 ? "s" : "",
		    ungraded_first, grp_len(ungraded) > 1 ? "" : "s",
		    pol->default_grade);
	if (ncurrencies > 1 && rates == NULL)
		note("%d currencies: the priority ranks each in its own units; "
		    "give --rates to rank them together", ncurrencies);
	wr = w_open(fmt, opt.c.lang, rd, ocols, opt.c.explain ? NOUT : NOUT - 2);
	writing = 1;
	walk();
	w_close(wr, 0);
	st = rec_close(rd, opt.c.verbose);
	rates_free(rates);
	free(ckey.p);
	return fshut(st);
}
