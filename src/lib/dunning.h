/* dunning.h - the rules of the collection plan (SPEC 5.1) as pure
 * functions over an item, a day and the policy: the calendar, the cadence
 * (每周口头、每旬书面、每月当面), the ladder of collectors (换人催收), the
 * measures and their end (法律程序), limitation (诉讼时效) and priority.
 * dun-plan walks the days and the customers; everything it decides is
 * here, with a unit test for each rule (tests/unit/test-dunning.c). */
#ifndef DUNNING_H
#define DUNNING_H

#include <stddef.h>
#include <stdint.h>

#include "grp.h"
#include "money.h"
#include "policy.h"

/* Every number of SPEC 5.1, a key of the policy file. */
struct dun_policy {
	int lead[4];		/* first, middle, final, unknown */
	int phone_first, phone_every, written_every, visit_every;
	int rung[4];		/* sales .. finance: the last day of each */
	int64_t scale[6];	/* A..E, N: x 10000 */
	int stop_days, prepay_days, lawyer_days, confirm_days, legal_every;
	int firm_days, dispute_every;
	int statute_years, statute_warn, min_gap, reconcile_every;
	char default_grade[32];
	int64_t weight[6];	/* priority by grade, x 10000 */
	int64_t f_dispute, f_promise, f_broken, f_over, f_notice;
	int notice_max;
};

/* The policy dun-plan reads (--policy) and its key table. */
extern struct dun_policy dun_pol;
extern const struct pol dun_policy_keys[];

/* ---- the actions ---- */

enum dun_act {
	A_REMIND, A_PREPARE, A_PHONE, A_WRITTEN, A_VISIT, A_APPLY_CASH,
	A_STOP_SHIP, A_PREPAY, A_LAWYER, A_LEGAL, A_CONFIRM, A_STATUTE,
	A_PROMISE, A_DISPUTE, A_RECONCILE, NACTS
};

struct dun_action {
	const char *code, *channel;
	int internal;		/* audience = internal: our own staff */
	int demand;		/* asks for payment (a script may state money) */
	const char *en, *zh;	/* the note */
};
extern const struct dun_action dun_acts[NACTS];

#define DUN_BIT(a) (1u << (a))
#define DUN_CONTACT (DUN_BIT(A_PHONE) | DUN_BIT(A_WRITTEN) | DUN_BIT(A_VISIT))
#define DUN_MEASURES (DUN_BIT(A_STOP_SHIP) | DUN_BIT(A_PREPAY) | \
	DUN_BIT(A_LAWYER) | DUN_BIT(A_LEGAL))

/* The collectors, and who is copied when each owns the item. */
enum { RUNG_SALES, RUNG_DELIVERY, RUNG_ASSISTANT, RUNG_FINANCE,
	RUNG_EXECUTIVE, NRUNGS };
extern const char *const dun_rungs[NRUNGS];
extern const char *const dun_ccs[NRUNGS];

/* ---- the calendar ---- */

struct dun_cal {
	int workdays;		/* --workdays: no weekends */
	struct grp *holidays;	/* date -> 'o'ff or 'w'ork, or NULL */
};
int dun_workday(const struct dun_cal *c, int32_t d);
int32_t dun_prev_work(const struct dun_cal *c, int32_t d);
int32_t dun_next_work(const struct dun_cal *c, int32_t d);

/* What holds dunning back on a day (DATE_NONE when absent): a hold, a
 * promise not yet due, a contact less than min_gap days ago. */
struct dun_gate {
	int32_t hold, promise, contact;
};
int dun_blocked(const struct dun_policy *p, const struct dun_cal *c,
    const struct dun_gate *g, int32_t d);

/* ---- the ladder ---- */

int dun_grade_index(char grade);	/* A..E: 0..4, else (N) 5 */
/* A threshold in days, scaled by the grade (D's 30 is 23). */
int32_t dun_scaled(const struct dun_policy *p, int days, char grade);
/* Which rung collects on DAYS overdue: raised at once by the excuse
 * (quality, service -> delivery; finance-away, process -> finance; boss,
 * threat -> executive) and one rung by a broken promise. */
int dun_rung(const struct dun_policy *p, int32_t days, char grade, int excuse,
    int broken);
/* Has the item reached the end of the ladder (the lawyer's letter)? */
int dun_in_legal(const struct dun_policy *p, int32_t days, char grade);

/* The routine actions for an item DAYS overdue on working day D: phone,
 * written notice, visit (until the lawyer's letter), and the quarterly
 * balance confirmation; with --workdays the nominal days since the last
 * working day land on D. A blocked day drops its contacts. */
unsigned dun_cadence(const struct dun_policy *p, const struct dun_cal *c,
    int32_t d, int32_t days, char grade, const struct dun_gate *g);
/* The measures: stop shipments, prepayment, the lawyer's letter on the
 * day their scaled threshold is crossed (or the first free day after);
 * from the lawyer's letter on, legal-review that day and every
 * legal_every days after. */
unsigned dun_measures(const struct dun_policy *p, const struct dun_cal *c,
    int32_t d, int32_t days, char grade, const struct dun_gate *g);
/* A disputed item: resolve-dispute on its first day overdue and every
 * dispute_every days after (on a working day). */
int dun_dispute_day(const struct dun_policy *p, const struct dun_cal *c,
    int32_t d, int32_t days);
/* The reminder before the due date (首款一周、中款三天、尾款一旬): moved
 * to an earlier working day, never before the invoice date. */
int32_t dun_remind_day(const struct dun_policy *p, const struct dun_cal *c,
    int32_t due, int lead, int32_t invoice_date);
/* The lead of a stage: first, middle, final (or 首款, 中款, 尾款), else
 * the unknown one. */
int dun_stage_lead(const struct dun_policy *p, const char *s, size_t n);

/* ---- limitation (诉讼时效, 民法典 §188, §195) ---- */

/* The day the limitation period ends: statute_years from the latest of
 * the due date, a partial payment, an acknowledgement (ack_date) and a
 * provable written demand (last_demand); a call does not restart it. */
int32_t dun_statute_end(const struct dun_policy *p, int32_t due,
    int32_t last_receipt, int32_t ack, int32_t demand);
/* The day of the warning, statute_warning_days before, a working day. */
int32_t dun_statute_day(const struct dun_policy *p, const struct dun_cal *c,
    int32_t end);
/* Is D the day of the warning for an item with these dates? (What
 * dun_statute_day(dun_statute_end()) == D says, without the calendar for
 * the items years away from it: most of a ledger, every day.) */
int dun_statute_warns(const struct dun_policy *p, const struct dun_cal *c,
    int32_t due, int32_t last_receipt, int32_t ack, int32_t demand,
    int32_t d);

/* ---- the firm notice's deadline ---- */

/* A firm (严肃式) notice states one deadline: firm_days after the first
 * written notice in the firm style, and every later row quotes it.
 * FIRM_ON(day, days overdue, arg) says whether the style of that day is
 * firm. DATE_NONE until the first firm notice. */
int32_t dun_deadline(const struct dun_policy *p, const struct dun_cal *c,
    int32_t d, int32_t days, int (*firm_on)(int32_t day, int32_t days,
    void *arg), void *arg);

/* ---- priority ---- */

enum { PF_DISPUTE = 1, PF_PENDING = 2, PF_BROKEN = 4, PF_OVER = 8 };
/* AMOUNT (minor units of DEC decimals, times RATE / 10^RSCALE units of the
 * base currency) x max(days, 1) x grade weight x factors x (1 + notice
 * factor x notices), in major units; INT64_MAX when it does not fit. */
int64_t dun_priority(const struct dun_policy *p, int64_t amount, int dec,
    const struct decimal *rate, int32_t days, char grade, unsigned factors,
    int notices);
/* The written notices sent so far, as priority counts them. */
int dun_notices(const struct dun_policy *p, int32_t days);

#endif
