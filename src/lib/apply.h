/* apply.h - receipts and credits applied to invoices as of a date (SPEC 1.3).
 *
 * Open as of D for an invoice = amount - paid (the shorthand, when paid_date
 * is blank or <= D) - receipts and credit notes with ref = the invoice, dated
 * <= D; a non-blank open (an open-item list, SPEC 1.10) is taken as is.
 * A ref names the invoices of that number of the customer, in the currency
 * (and the company, when the receipt has one); several of them (fiscal
 * years, companies) take it oldest first. Receipts and credits without a
 * ref, or whose ref names no invoice, are unapplied: they stay the
 * customer's credit, or with FIFO are netted against the oldest open items.
 * A receipt or credit with a non-blank open is what is left of it: never
 * applied again.
 *
 * A tool reads its input up to three times (memory: one entry per invoice
 * that receipts name, and with FIFO per open item of customers with credit):
 *   pass 1: apply_collect() on every document;
 *   pass 2: apply_match() on every document (only if apply_need_match());
 *           then apply_settle();
 *   pass 3: apply_open() / apply_unapplied() give each document's figures.
 * SEQ numbers the records of a pass (the same in every pass);
 * apply_join() makes passes 1 and 2. */
#ifndef APPLY_H
#define APPLY_H

#include <stdint.h>

#include "interest.h"
#include "ledger.h"

struct apply;

/* Passes 1 and 2 over R (after rec_want_rewind()), quietly; FIFO takes the
 * oldest items first by due date (by invoice date with BASIS_INVOICE, and
 * when an item has no due date). R is left rewound: the next pass is quiet
 * when QUIET_NEXT. */
struct apply;
void apply_join(struct apply *a, struct ledger *led, struct rec_reader *r,
    int basis_invoice, int quiet_next);

/* DATED: keep every application's date, for the dated queries below. */
struct apply *apply_new(int32_t as_of, int fifo, int dated);
void apply_free(struct apply *a);
/* Does the document count as of the date? (invoices dated after it, and
 * receipts dated after it, do not) */
int apply_in_time(const struct apply *a, const struct doc *d);
void apply_collect(struct apply *a, const struct doc *d, uint64_t seq);
int apply_need_match(const struct apply *a);
/* ITEM_DATE: the date an item ages from (for FIFO: oldest first). */
void apply_match(struct apply *a, const struct doc *d, uint64_t seq,
    int32_t item_date, const char *file, unsigned long line);
void apply_settle(struct apply *a);

/* The second invoice of a document key seen before (among the invoices
 * a ref names): "FILE:LINE" of the first, or NULL. */
const char *apply_duplicate(const struct apply *a, uint64_t seq);
/* Reject record X (SEQ) as such a duplicate (SPEC 1.3): -1 if it is one. */
int apply_reject_duplicate(struct apply *a, struct rec_reader *r, struct rec *x,
    uint64_t seq);

/* An item (invoice, adjustment without a ref that applies): its open. */
int64_t apply_open(struct apply *a, const struct doc *d, uint64_t seq);
/* Is this receipt, credit note or adjustment applied to an invoice (and so
 * counted in that invoice's open)? If not, *LEFT is what remains unapplied
 * (negative for receipts and credits; 0 when FIFO used it all). */
int apply_is_applied(struct apply *a, const struct doc *d, uint64_t seq,
    int64_t *left);
/* The invoice_date of the invoice an applied D applies to; DATE_NONE if
 * D is not applied. */
int32_t apply_issued(struct apply *a, const struct doc *d, uint64_t seq);
/* Is D an item (aged on its own) rather than a receipt or credit? */
int apply_is_item(const struct apply *a, const struct doc *d, uint64_t seq);

/* Dated mode: an invoice's open as of DATE (FIFO not applied). */
int64_t apply_open_at(struct apply *a, const struct doc *d, int32_t date);
/* Dated mode: the last receipt on or before DATE (paid_date, or a receipt
 * or credit applied to it); DATE_NONE if none. *UNKNOWN: some receipt had
 * no date. */
int32_t apply_last_receipt(struct apply *a, const struct doc *d, int32_t date,
    int *unknown);
/* Dated mode: the day the invoice's open fell to zero or below, or
 * DATE_NONE; *UNKNOWN when that receipt had no date. */
int32_t apply_settled(struct apply *a, const struct doc *d, int *unknown);

/* Dated mode: every receipt, credit note or adjustment applied to invoice
 * D, in input order: FN(its date (DATE_NONE: before any date), its type,
 * what it does to the invoice's open (negative for receipts and credits),
 * ARG). */
void apply_each(struct apply *a, const struct doc *d, void (*fn)(int32_t date,
    enum doc_type type, int64_t amt, void *arg), void *arg);

/* An invoice's balance moves, for interest by segment (SPEC 3): room
 * reused from one invoice to the next. */
struct balmoves {
	struct balmove *v;
	size_t n, cap;
};

/* Dated mode: into M (emptied first), the moves of invoice D in date
 * order: the paid shorthand, then each receipt or credit applied by ref. */
void apply_moves(struct apply *a, const struct doc *d, struct balmoves *m);

#endif
