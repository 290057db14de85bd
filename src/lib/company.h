/* company.h - our own details for letters (ar-statement --company, SPEC 8):
 * `key = value` lines, keys name, address, phone, email, bank, account,
 * tax_id, seal. A line starting with '#' is a comment ('#' elsewhere is
 * text: "Room #3"); blank lines are skipped. A wrong line (no '=', an
 * unknown key, a key given twice, an empty value, bytes that are not
 * UTF-8 or control characters, a line over 1000 bytes) is fatal, exit 2,
 * naming the file and line. Values are text, never interpreted. */
#ifndef COMPANY_H
#define COMPANY_H

enum { CO_NAME, CO_ADDRESS, CO_PHONE, CO_EMAIL, CO_BANK, CO_ACCOUNT,
	CO_TAX_ID, CO_SEAL, CO_NKEYS };

struct company {
	char *v[CO_NKEYS];	/* NULL: not given */
	const char *path;
};

extern const char *const company_keys[CO_NKEYS];

/* Reads PATH (NULL: no file, every key empty). */
void company_load(struct company *c, const char *path);
/* A demand letter (reminder, final) needs name, bank and account: a
 * missing one is fatal, naming the file and the key. */
void company_require(const struct company *c, int demand);
void company_free(struct company *c);

#endif
