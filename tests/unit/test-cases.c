/* Unit tests: cases.c, the case library: loading, matching, saying. */
#include <stdlib.h>
#include <unistd.h>

#include "cases.h"
#include "deal.h"
#include "err.h"
#include "unit.h"

static const char lib[] =
    "customer,industry,problem,solution,result,reference_ok,reason,roles\n"
    "华能电力,电力,停机风险,分阶段验收,故障率降低40%,yes,risk,eagle;fox\n"
    "Contoso,robotics,line changeover,cell + training,changeover -30%,no,"
    "competitor,sheep\n"
    "Fabrikam,Robotics,\"quality, rework\",vision check,rework -50%,yes,,"
    "sheep;donkey\n"
    "Acme Robotics,robotics,own case,x,y,yes,,\n"
    "Tailspin,retail,,,\"paid on time, every time\",,kpi,\n";

int
main(void)
{
	char path[] = "/tmp/test-cases.XXXXXX", buf[512];
	struct cases cs = { NULL, 0 };
	struct case_query q;
	size_t best[3], n;
	int fd;

	err_init("test-cases");
	fd = mkstemp(path);
	CHECK(fd >= 0);
	CHECK(write(fd, lib, sizeof(lib) - 1) == (ssize_t)(sizeof(lib) - 1));
	close(fd);
	cases_load(path, &cs);
	unlink(path);
	CHECK_INT(cs.n, 5);
	CHECK_STR(cs.v[2].problem, "quality, rework");
	CHECK_INT(cs.v[0].reason, REASON_RISK);
	CHECK_INT(cs.v[0].roles, 1u << ROLE_EAGLE | 1u << ROLE_FOX);
	CHECK_INT(cs.v[4].reference_ok, 0);
	CHECK_INT(cs.v[2].line, 4);

	/* a robotics deal against a competitor, with a sheep at the table:
	 * Contoso 4 + 2 + 1, Fabrikam 4 + 1; Acme's own case never */
	memset(&q, 0, sizeof(q));
	q.customer = "acme  robotics";
	q.customer_n = strlen(q.customer);
	q.industry = " ROBOTICS ";
	q.industry_n = strlen(q.industry);
	q.reason = REASON_COMPETITOR;
	q.roles = 1u << ROLE_SHEEP;
	CHECK_INT(cases_score(&cs.v[1], &q), 7);
	CHECK_INT(cases_score(&cs.v[2], &q), 5);
	CHECK_INT(cases_score(&cs.v[3], &q), 0);
	n = cases_match(&cs, &q, best, 3);
	CHECK_INT(n, 2);
	CHECK_INT(best[0], 1);
	CHECK_INT(best[1], 2);
	/* a tie goes to the case that may be named */
	q.reason = REASON_NONE;
	q.roles = 0;
	n = cases_match(&cs, &q, best, 3);
	CHECK_INT(n, 2);
	CHECK_INT(best[0], 2);
	/* at most MAX, the best kept: 华能 4 + 2 + 1 */
	q.industry = "电力";
	q.industry_n = strlen(q.industry);
	q.roles = 1u << ROLE_EAGLE;
	q.reason = REASON_RISK;
	n = cases_match(&cs, &q, best, 1);
	CHECK_INT(n, 1);
	CHECK_INT(best[0], 0);
	/* one role in common is no proof */
	q.industry = NULL;
	q.industry_n = 0;
	q.reason = REASON_NONE;
	q.roles = 1u << ROLE_FOX;
	CHECK_INT(cases_score(&cs.v[0], &q), 1);
	CHECK_INT(cases_match(&cs, &q, best, 3), 0);
	/* nothing in common: nothing */
	memset(&q, 0, sizeof(q));
	q.reason = REASON_NONE;
	CHECK_INT(cases_match(&cs, &q, best, 3), 0);

	CHECK(cases_is_reference(&cs, "ACME ROBOTICS", 13));
	CHECK(!cases_is_reference(&cs, "Contoso", 7));	/* not to be named */
	CHECK(!cases_is_reference(&cs, "Nobody", 6));

	case_text(&cs.v[0], 1, buf, sizeof(buf));
	CHECK_STR(buf, "华能电力（电力）：停机风险；分阶段验收；故障率降低40%。");
	case_text(&cs.v[1], 0, buf, sizeof(buf));
	CHECK_STR(buf, "a customer in robotics (not to be named): line "
	    "changeover; cell + training; changeover -30%.");
	case_text(&cs.v[4], 0, buf, sizeof(buf));
	CHECK_STR(buf, "a customer in retail (not to be named): paid on time, "
	    "every time.");
	CHECK(case_text(&cs.v[2], 0, buf, 8) > 8);
	CHECK_INT(strlen(buf), 7);
	cases_free(&cs);
	return unit_done("test-cases");
}
