/* style.h - the collection talk-tracks (话术) of the course and the scoring
 * table that picks one for a situation (SPEC 5.3, 5.4). */
#ifndef STYLE_H
#define STYLE_H

#include <stddef.h>
#include <stdint.h>

enum style {
	ST_FAIR_DEAL, ST_EMPATHY, ST_WIN_WIN, ST_ASK_HELP, ST_DEADLINE,
	ST_ASK_ADVICE, ST_CONCESSION, ST_PRECEDENT, ST_VISION, ST_FIRM, NSTYLES
};

enum excuse {
	EX_NONE, EX_QUALITY, EX_SERVICE, EX_PRICE, EX_BOSS, EX_FINANCE_AWAY,
	EX_PROCESS, EX_NO_RUSH, EX_ACCUSE_DISTRUST, EX_THREAT, EX_BLAME,
	EX_CLIMATE, EX_CHANGE, EX_AGENDA, NEXCUSES
};

enum power { PW_NONE, PW_STRONG_WEAK, PW_PEER, PW_UNABLE, NPOWERS };

struct style_def {
	const char *code;	/* fair-deal */
	const char *zh;		/* 同理式 */
	const char *en;		/* fair deal */
	const char *principle_zh, *principle_en;	/* the course's basis */
};
extern const struct style_def styles[NSTYLES];

struct name_def {
	const char *code, *zh, *en;
};
extern const struct name_def excuses[NEXCUSES];
extern const struct name_def powers[NPOWERS];

/* Read an excuse or a power: the code or the Chinese label (质量不好,
 * 客强我弱 ...), any case, spaces trimmed; blank is EX_NONE / PW_NONE.
 * -1 when unknown. */
/* The words of excuse_parse(), for a rejection that lists them. */
#define EXCUSE_WORDS "quality, service, price, boss, finance-away, " \
	"process, no-rush, accuse-distrust, threat, blame, climate, change, " \
	"agenda, or their Chinese words"
int excuse_parse(const char *s, size_t n);
int power_parse(const char *s, size_t n);
int style_parse(const char *s, size_t n);

struct situation {
	int excuse;		/* enum excuse */
	int power;		/* enum power */
	int days_overdue;	/* negative: not yet due */
	char grade;		/* 'A'..'E', 'N', or 0 when unknown */
	int days_to_period_end;	/* to the month's end; -1 unknown */
	int quarter_end;	/* that month ends a quarter */
	int disputed;		/* the item is disputed: settle it, do not press */
};

/* Why a style scored what it did: the table's rows that applied. */
#define STYLE_WHY 8
struct style_score {
	int score;
	int allowed;		/* 0: a rule forbids it here */
	int nwhy;
	const char *why[STYLE_WHY];
};

/* Score every style; returns the best allowed one (ties: table order). */
enum style style_pick(const struct situation *s,
    struct style_score out[NSTYLES]);
/* The styles in order of score, best first (allowed ones only). */
size_t style_rank(const struct style_score sc[NSTYLES], enum style *order);

/* What to do before the call, as the course implies it for the excuse and
 * the balance of power ("; "-joined when both have one), or "" (SPEC 5.3
 * next_step). BUF: the joined text. */
const char *next_step(int excuse, int power, int zh, char *buf, size_t cap);

#endif
