/* ics.h - iCalendar (RFC 5545) output: one all-day VEVENT per action. */
#ifndef ICS_H
#define ICS_H

#include <stddef.h>
#include <stdint.h>

#include "out.h"

void ics_begin(struct obuf *o, const char *prodid);
/* An all-day event on DATE; UID must be stable for the same action, so a
 * calendar that subscribes to the file updates events instead of adding
 * them again. STAMP is the DTSTAMP date (the plan's as-of date). */
void ics_event(struct obuf *o, const char *uid, int32_t date, int32_t stamp,
    const char *summary, const char *description, const char *categories);
void ics_end(struct obuf *o);

#endif
