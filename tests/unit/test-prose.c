/* Unit tests: prose.c, the renderer of text kept as data. */
#include <stdlib.h>

#include "prose.h"
#include "unit.h"

enum { S_TITLE = 1, S_A, S_B, S_C };
enum { C_NO = 1, C_YES, C_ODD };
enum { L_ITEMS = 1 };

static int
holds(void *arg, int cond, int each, int i)
{
	(void)arg;
	if (cond == C_ODD)
		return each == L_ITEMS && i % 2 == 1;
	return cond == C_YES;
}

static int
count(void *arg, int each)
{
	(void)arg;
	return each == L_ITEMS ? 4 : 0;
}

static const char *
var(void *arg, const char *key, int each, int i)
{
	static char buf[32];

	(void)arg;
	if (strcmp(key, "name") == 0)
		return "Acme";
	if (strcmp(key, "i") == 0 && each == L_ITEMS) {
		snprintf(buf, sizeof(buf), "%d", i + 1);
		return buf;
	}
	return NULL;
}

static const struct prose_section sections[] = {
	{ S_TITLE, 0, "# {name}\n", "# {name}\n" },
	{ S_A, C_YES, "## {n}. A\n", "## {n}、甲\n" },
	{ S_B, C_NO, "## {n}. B\n", "## {n}、乙\n" },
	{ S_C, 0, "## {n}. C\n", "## {n}、丙\n" },
};

static const struct prose_row rows[] = {
	{ S_A, 0, 0, "always {name}, {{braces}}\n", "总是 {name}\n" },
	{ S_A, C_NO, 0, "never\n", "从不\n" },
	{ S_B, 0, 0, "not in a hidden section\n", "不\n" },
	{ S_C, 0, L_ITEMS, "- item {i}\n", "- 第 {i} 项\n" },
	{ S_C, C_ODD, L_ITEMS, "odd {i}; ", "奇 {i}；" },
	{ S_C, 0, 0, "{nope} and a } alone\n", "{nope}\n" },
};

int
main(void)
{
	struct prose_out o = { NULL, 0, 0 };
	struct prose_ctx c = { holds, count, var, NULL, NULL, 0 };
	int u;

	u = prose_render(&o, sections, 4, rows, 6, &c);
	CHECK_INT(u, 1);
	CHECK_STR(o.p, "# Acme\n## 1. A\nalways Acme, {braces}\n## 2. C\n"
	    "- item 1\n- item 2\n- item 3\n- item 4\nodd 2; odd 4; "
	    "{nope} and a } alone\n");
	prose_free(&o);
	c.zh = 1;
	u = prose_render(&o, sections, 4, rows, 6, &c);
	CHECK_INT(u, 1);
	CHECK_STR(o.p, "# Acme\n## 一、甲\n总是 Acme\n## 二、丙\n"
	    "- 第 1 项\n- 第 2 项\n- 第 3 项\n- 第 4 项\n奇 2；奇 4；{nope}\n");
	prose_free(&o);
	/* the numbers of many sections, in Chinese */
	{
		struct prose_section many[25];
		const char *want[] = { "十", "十一", "二十", "二十五" };
		int at[] = { 9, 10, 19, 24 };
		for (int i = 0; i < 25; i++) {
			many[i].id = 100 + i;
			many[i].cond = 0;
			many[i].en = "{n}\n";
			many[i].zh = "{n}|";
		}
		prose_render(&o, many, 25, rows, 0, &c);
		for (int k = 0; k < 4; k++) {
			char *p = o.p;
			for (int i = 0; i < at[k]; i++)
				p = strchr(p, '|') + 1;
			CHECK(strncmp(p, want[k], strlen(want[k])) == 0 &&
			    p[strlen(want[k])] == '|');
		}
		prose_free(&o);
	}
	/* expansion alone */
	CHECK_INT(prose_expand(&o, "{name}{name}}}{{", &c, 0, -1), 0);
	CHECK_STR(o.p, "AcmeAcme}{");
	prose_free(&o);
	CHECK_INT(prose_expand(&o, "{unterminated", &c, 0, -1), 0);
	CHECK_STR(o.p, "{unterminated");
	prose_free(&o);
	return unit_done("test-prose");
}
