/* json.c - JSON records (SPEC 1.2): a framer finds each top-level value
 * (or each element of a top-level array) by depth and string state, and
 * jansson parses just those bytes. The only file that includes jansson. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "err.h"
#include "rec_impl.h"

/* Find the bytes of the next top-level value; returns GOT with
 * [*start, s->pos), END, or BAD (truncated). */
static int
frame_json(struct rec_reader *r, struct src *s, size_t *startp)
{
	size_t i, start;
	int depth, in_str, esc, kind;
	unsigned long nl;

	for (;;) {	/* white space and separators */
		while (s->pos < s->end) {
			char c = s->buf[s->pos];
			if (c == '\n')
				s->line++;
			else if (!(json_ws(c) || (c == ',' && s->in_array)))
				break;
			s->pos++;
		}
		if (s->pos < s->end) {
			char c = s->buf[s->pos];
			if (!s->in_array && c == '[') {
				s->in_array = 1;
				s->pos++;
				continue;
			}
			if (s->in_array && c == ']') {
				s->in_array = 0;
				s->pos++;
				continue;
			}
			break;
		}
		if (s->eof || src_more(r, s, s->pos) == 0) {
			if (s->in_array && !r->quiet)
				warn_at(s->name, s->line, "the top-level array is not closed");
			s->in_array = 0;
			return END;
		}
	}
	start = s->pos;
	r->rec.line = s->line;
	kind = (unsigned char)s->buf[start];
	i = start;
	depth = in_str = esc = 0;
	nl = 0;
	for (;;) {
		for (; i < s->end; i++) {
			char c = s->buf[i];
			if (kind != '{' && kind != '[' && kind != '"') {
				if (i > start && (json_ws(c) || c == ',' || c == ']' ||
				    c == '}' || c == '[' || c == '{' || c == '"'))
					goto done;
				continue;
			}
			if (c == '\n')
				nl++;
			if (in_str) {
				if (esc)
					esc = 0;
				else if (c == '\\')
					esc = 1;
				else if (c == '"') {
					in_str = 0;
					if (kind == '"') {
						i++;
						goto done;
					}
				}
			} else if (c == '"')
				in_str = 1;
			else if (c == '{' || c == '[')
				depth++;
			else if (c == '}' || c == ']') {
				if (--depth == 0) {
					i++;
					goto done;
				}
			}
		}
		if (s->eof) {
			if (kind != '{' && kind != '[' && kind != '"')
				goto done;	/* a scalar may end at the end */
			r->raw = s->buf + start;
			r->rawlen = s->end - start;
			s->pos = s->end;
			s->line += nl;
			snprintf(r->errbuf, sizeof(r->errbuf), "truncated JSON value");
			return BAD;
		}
		i -= start;
		src_more(r, s, start);
		start = 0;
		i += start;
	}
done:
	s->pos = i;
	s->line += nl;
	*startp = start;
	return GOT;
}

static const char *
json_kind(const json_t *j)
{
	switch (json_typeof(j)) {
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER:
	case JSON_REAL: return "a number";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	case JSON_NULL: return "null";
	default: return "an object";
	}
}

/* Shortest text that reads back as the same double. */
static size_t
real_text(char *buf, size_t cap, double d)
{
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, cap, "%.*g", prec, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	return strlen(buf);
}

/* A number's value is its text as written in the input (SPEC 1.4: money
 * never passes through a double): the object's own bytes are walked at
 * depth 1, and each key's number token replaces jansson's rendering. A
 * key written with escapes keeps jansson's text. */
static void
numbers_as_written(struct rec_reader *r)
{
	const char *p = r->raw, *e = r->raw + r->rawlen;
	int depth = 0, want_key = 0;

	while (p < e) {
		char c = *p;
		if (c == '"') {
			const char *k = ++p;
			int esc = 0;
			while (p < e && *p != '"') {
				if (*p == '\\') {
					esc = 1;
					p++;
				}
				p++;
			}
			if (p >= e)
				return;
			if (depth == 1 && want_key && !esc) {
				const char *q = p + 1, *t;
				char key[256];
				size_t kn = (size_t)(p - k);
				int slot;
				while (q < e && json_ws(*q))
					q++;
				if (q < e && *q == ':')
					q++;
				while (q < e && json_ws(*q))
					q++;
				t = q;
				while (q < e && (*q == '-' || *q == '+' || *q == '.' ||
				    *q == 'e' || *q == 'E' || (*q >= '0' && *q <= '9')))
					q++;
				if (q > t && kn < sizeof(key)) {
					memcpy(key, k, kn);
					key[kn] = '\0';
					slot = slot_find(r, key);
					if (slot >= 0 && (size_t)slot < r->rec.nv &&
					    r->rec.v[slot].type == V_NUM) {
						r->rec.v[slot].p = t;
						r->rec.v[slot].n = (size_t)(q - t);
					}
				}
			}
			want_key = 0;
			p++;
			continue;
		}
		if (c == '{' || c == '[') {
			depth++;
			want_key = c == '{' && depth == 1;
		} else if (c == '}' || c == ']')
			depth--;
		else if (c == ',' && depth == 1)
			want_key = 1;
		p++;
	}
}

/* jansson allocates through xmalloc (set once, before its first value) */
static int alloc_set;

int
read_json(struct rec_reader *r, struct src *s)
{
	json_error_t err;
	const char *key;
	json_t *val;
	size_t start;
	int rc = frame_json(r, s, &start);

	if (rc != GOT)
		return rc;
	r->raw = s->buf + start;
	r->rawlen = s->pos - start;
	r->parsed = 0;
	r->mapped = 0;
	r->is_object = 0;
	if (!alloc_set) {
		/* out of memory inside jansson is ours to report (exit 2),
		 * not a record rejected as "invalid JSON" */
		json_set_alloc_funcs(xmalloc, free);
		alloc_set = 1;
	}
	r->json = json_loadb(r->raw, r->rawlen, JSON_REJECT_DUPLICATES |
	    JSON_DECODE_ANY, &err);
	if (r->json == NULL) {
		if (err.line > 1)
			snprintf(r->errbuf, sizeof(r->errbuf), "invalid JSON (on line %lu): "
			    "%s", r->rec.line + (unsigned long)err.line - 1, err.text);
		else
			snprintf(r->errbuf, sizeof(r->errbuf), "invalid JSON: %s", err.text);
		return BAD;
	}
	if (!json_is_object(r->json)) {
		snprintf(r->errbuf, sizeof(r->errbuf), "not a JSON object but %s",
		    json_kind(r->json));
		return BAD;
	}
	r->is_object = 1;
	json_object_foreach(r->json, key, val) {
		if (dropped_name(key, strlen(key)))
			continue;
		if (slot_find(r, key) < 0 || !r->present[slot_find(r, key)]) {
			if (r->frozen && !r->quiet) {
				char q[ERR_QUOTE_MAX];
				snprintf(r->errbuf, sizeof(r->errbuf), "key \"%s\" is not in the "
				    "first record: one header is needed for this output "
				    "(use -o json, or give the first record every key)",
				    err_quote(q, key, strlen(key)));
				return BAD;
			}
			set_present(r, rec_col(r, key));
		}
	}
	vals_reset(r, 0);
	json_object_foreach(r->json, key, val) {
		struct val *v;
		char num[64];
		if (dropped_name(key, strlen(key)))
			continue;
		v = &r->rec.v[slot_find(r, key)];
		switch (json_typeof(val)) {
		case JSON_STRING:
			v->type = V_STR;
			v->p = json_string_value(val);
			v->n = json_string_length(val);
			break;
		case JSON_INTEGER:
			v->type = V_NUM;
			v->n = (size_t)snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
			    json_integer_value(val));
			v->p = arena_dup(&r->arena, num, v->n);
			break;
		case JSON_REAL:
			v->type = V_NUM;
			v->n = real_text(num, sizeof(num), json_real_value(val));
			v->p = arena_dup(&r->arena, num, v->n);
			break;
		case JSON_TRUE:
			v->type = V_TRUE;
			break;
		case JSON_FALSE:
			v->type = V_FALSE;
			break;
		case JSON_NULL:
			v->type = V_NULL;
			break;
		default: {
			size_t n = json_dumpb(val, NULL, 0, JSON_COMPACT);
			char *t = arena_alloc(&r->arena, n + 1);
			json_dumpb(val, t, n, JSON_COMPACT);
			t[n] = '\0';
			v->type = V_RAW;
			v->p = t;
			v->n = n;
		}
		}
	}
	numbers_as_written(r);
	if (r->o.fixed_schema && !r->quiet)
		r->frozen = 1;
	r->parsed = 1;
	return GOT;
}

void
json_drop(struct rec_reader *r)
{
	if (r->json != NULL)
		json_decref(r->json);
	r->json = NULL;
}
