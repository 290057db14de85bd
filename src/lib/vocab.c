/* vocab.c - field labels and value words in both languages (SPEC 1.9). The
 * Chinese words are the course's own (seed/course-outline.zh.txt) where it
 * has one: 先款后货, 同理式, 换人催收's 销售 → 交付 → 助理 → 财务 → 高管. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deal.h"
#include "vocab.h"

/* Every field a tool reads or writes that a person sees in a header. */
static const struct vocab_field fields[] = {
	/* the canonical ledger (SPEC 1.3) */
	{ "customer", "客户", 0, NULL },
	{ "invoice", "单据号", 0, NULL },
	{ "doc_type", "单据类型", 0, "doc_type" },
	{ "ref", "核销对象", 0, NULL },
	{ "invoice_date", "单据日期", VF_DATE, NULL },
	{ "due_date", "到期日", VF_DATE, NULL },
	{ "amount", "金额", VF_MONEY, NULL },
	{ "paid", "已收金额", VF_MONEY, NULL },
	{ "paid_date", "收款日期", VF_DATE, NULL },
	{ "currency", "币种", 0, NULL },
	{ "amount_lc", "本币金额", VF_MONEY, NULL },
	{ "rate", "汇率", VF_NUM, NULL },
	{ "company", "公司代码", 0, NULL },
	{ "contract", "合同号", 0, NULL },
	{ "stage", "款项阶段", 0, "stage" },
	{ "salesperson", "业务员", 0, NULL },
	{ "grade", "信用评级", 0, "grade" },
	{ "disputed", "有争议", 0, "bool" },
	{ "excuse", "理由", 0, "excuse" },
	{ "power", "催收场景", 0, "power" },
	{ "promise_date", "承诺付款日", VF_DATE, NULL },
	{ "promise_amount", "承诺金额", VF_MONEY, NULL },
	{ "last_contact", "最近联系", VF_DATE, NULL },
	{ "hold_until", "暂缓至", VF_DATE, NULL },
	{ "fiscal_year", "会计年度", 0, NULL },
	{ "open", "未收金额", VF_MONEY, NULL },
	{ "ack_date", "确认日期", VF_DATE, NULL },
	{ "last_demand", "最近书面催告", VF_DATE, NULL },
	{ "customer_since", "合作起始", VF_DATE, NULL },
	{ "aged_bucket", "原报表账龄段", 0, NULL },
	/* ar-age (SPEC 3) */
	{ "days_overdue", "逾期天数", VF_NUM, NULL },
	{ "age_days", "账龄天数", VF_NUM, NULL },
	{ "bucket", "账龄段", 0, "bucket" },
	{ "interest", "逾期利息", VF_MONEY, NULL },
	{ "provision", "坏账准备", VF_MONEY, NULL },
	{ "count", "笔数", VF_NUM, NULL },
	{ "current", "未到期", VF_MONEY, NULL },
	{ "unapplied", "未核销", VF_MONEY, NULL },
	{ "balance", "净额", VF_MONEY, NULL },
	{ "disputed_open", "争议金额", VF_MONEY, NULL },
	{ "oldest_days", "最长天数", VF_NUM, NULL },
	{ "avg_days", "平均天数", VF_NUM, NULL },
	/* ar-kpi (SPEC 5.2) */
	{ "period_start", "期间起", VF_DATE, NULL },
	{ "period_end", "期间止", VF_DATE, NULL },
	{ "days", "天数", VF_NUM, NULL },
	{ "billed", "开票额", VF_MONEY, NULL },
	{ "collected", "回款额", VF_MONEY, NULL },
	{ "opening_ar", "期初应收", VF_MONEY, NULL },
	{ "closing_ar", "期末应收", VF_MONEY, NULL },
	{ "current_ar", "未到期应收", VF_MONEY, NULL },
	{ "overdue", "逾期金额", VF_MONEY, NULL },
	{ "dso", "应收周转天数", VF_NUM, NULL },
	{ "dso_avg", "平均应收周转天数", VF_NUM, NULL },
	{ "dso_countback", "倒推法周转天数", VF_NUM, NULL },
	{ "bpdso", "最佳周转天数", VF_NUM, NULL },
	{ "add", "平均逾期天数差", VF_NUM, NULL },
	{ "cei", "回款效率指数", VF_NUM, NULL },
	{ "on_time_rate", "按时回款率(笔数)", VF_NUM, NULL },
	{ "on_time_rate_amount", "按时回款率(金额)", VF_NUM, NULL },
	{ "overdue_ratio", "逾期占比", VF_NUM, NULL },
	{ "avg_days_late", "平均逾期天数", VF_NUM, NULL },
	{ "overdue_cost", "逾期资金成本", VF_MONEY, NULL },
	{ "month", "月份", 0, NULL },
	/* credit-grade (SPEC 4) */
	{ "invoices", "发票", 0, NULL },
	{ "max_days_overdue", "最长逾期天数", VF_NUM, NULL },
	{ "timeliness", "付款及时性", VF_NUM, NULL },
	{ "exposure", "风险敞口分", VF_NUM, NULL },
	{ "tenure", "合作年限分", VF_NUM, NULL },
	{ "score", "信用得分", VF_NUM, NULL },
	{ "credit_limit", "信用额度", VF_MONEY, NULL },
	{ "available", "可用额度", VF_MONEY, NULL },
	{ "over_limit", "超出额度", 0, "bool" },
	{ "terms", "结算方式", 0, "terms" },
	{ "terms_text", "结算方式说明", VF_WRAP, NULL },
	{ "counted_items", "计入笔数", VF_NUM, NULL },
	{ "paid_undated", "无日期收款", VF_NUM, NULL },
	{ "days_beyond_terms", "超期天数", VF_NUM, NULL },
	{ "monthly_billing", "月均开票", VF_MONEY, NULL },
	{ "terms_days", "账期天数", VF_NUM, NULL },
	{ "limit_factor", "额度系数", VF_NUM, NULL },
	{ "cap", "评级上限原因", VF_WRAP, NULL },
	/* dun-plan (SPEC 5.1) */
	{ "date", "日期", VF_DATE, NULL },
	{ "action", "动作", 0, "action" },
	{ "channel", "方式", 0, "channel" },
	{ "owner", "负责人", 0, "rung" },
	{ "cc", "协同", VF_LIST, "rung" },
	{ "audience", "对象", 0, "audience" },
	{ "style", "话术", 0, "style" },
	{ "priority", "优先级", VF_NUM, NULL },
	{ "items", "笔数", VF_NUM, NULL },
	{ "not_due", "未到期金额", VF_MONEY, NULL },
	{ "net_overdue", "应催金额", VF_MONEY, NULL },
	{ "deadline", "最后期限", VF_DATE, NULL },
	{ "statute_end", "诉讼时效届满日", VF_DATE, NULL },
	{ "note", "说明", VF_WRAP, NULL },
	{ "priority_factors", "优先级构成", VF_WRAP, NULL },
	{ "style_scores", "话术得分", VF_WRAP, NULL },
	/* pick-script (SPEC 5.3) */
	{ "rank", "名次", VF_NUM, NULL },
	{ "principle", "原则", VF_WRAP, NULL },
	{ "next_step", "下一步", VF_WRAP, NULL },
	{ "script", "话术内容", VF_WRAP, NULL },
	{ "lang", "语言", 0, NULL },
	{ "when", "场合", 0, NULL },
	{ "template", "模板", VF_WRAP, NULL },
	/* deal-plan (SPEC 6) */
	{ "deal", "项目", 0, NULL },
	{ "list_price", "目录价", VF_MONEY, NULL },
	{ "cost", "成本", VF_MONEY, NULL },
	{ "competitor_price", "竞品价格", VF_MONEY, NULL },
	{ "budget", "客户预算", VF_MONEY, NULL },
	{ "min_margin", "最低毛利率", VF_NUM, NULL },
	{ "target_margin", "目标毛利率", VF_NUM, NULL },
	{ "reason", "降价理由", 0, "reason" },
	{ "roles", "谈判对象", VF_LIST, "role" },
	{ "years", "合同年限", VF_NUM, NULL },
	{ "opex", "年运营成本", VF_MONEY, NULL },
	{ "competitor_opex", "竞品年运营成本", VF_MONEY, NULL },
	{ "conditions", "客户已提条件", 0, "bool" },
	{ "objections", "客户有异议", 0, "bool" },
	{ "competitor", "竞争对手", 0, NULL },
	{ "industry", "行业", 0, NULL },
	{ "scope_basic", "基础型范围", VF_WRAP, NULL },
	{ "scope_optimal", "最优型范围", VF_WRAP, NULL },
	{ "scope_reference", "参照型范围", VF_WRAP, NULL },
	{ "terms_days", "账期天数", VF_NUM, NULL },
	{ "case_value", "案例价值", VF_MONEY, NULL },
	{ "decision_date", "决策日", VF_DATE, NULL },
	{ "basic", "基础型", VF_MONEY, NULL },
	{ "optimal", "最优型", VF_MONEY, NULL },
	{ "reference", "参照型", VF_MONEY, NULL },
	{ "walk_away", "底线价", VF_MONEY, NULL },
	{ "opening", "开价", VF_MONEY, NULL },
	{ "step1", "让步一", VF_MONEY, NULL },
	{ "get1", "交换一", 0, "get" },
	{ "get1_ask", "要求一", VF_NUM, NULL },
	{ "get1_value", "交换一价值", VF_MONEY, NULL },
	{ "step2", "让步二", VF_MONEY, NULL },
	{ "get2", "交换二", 0, "get" },
	{ "get2_ask", "要求二", VF_NUM, NULL },
	{ "get2_value", "交换二价值", VF_MONEY, NULL },
	{ "step3", "让步三", VF_MONEY, NULL },
	{ "get3", "交换三", 0, "get" },
	{ "get3_ask", "要求三", VF_NUM, NULL },
	{ "get3_value", "交换三价值", VF_MONEY, NULL },
	{ "bound_by", "约束条件", 0, "bound" },
	{ "flags", "提示", VF_WRAP | VF_LIST, "flag" },
	{ "strategy", "应对策略", 0, "strategy" },
	{ "value_strategies", "价值策略", VF_WRAP | VF_LIST, "value" },
	{ "lifetime_ours", "我方全生命周期成本", VF_MONEY, NULL },
	{ "lifetime_theirs", "竞品全生命周期成本", VF_MONEY, NULL },
	{ "team", "谈判团队", VF_WRAP | VF_LIST, "team" },
	{ "timing", "谈判时机", 0, "timing" },
	{ "days_to_decision", "距决策日天数", VF_NUM, NULL },
	{ "cases", "案例", VF_WRAP, NULL },
	{ "missing", "缺少要素", VF_WRAP | VF_LIST, "missing" },
	{ "confidence", "信心", VF_NUM, NULL },
	{ "trust", "信任", VF_NUM, NULL },
	{ "weakest", "最弱项", 0, "rating" },
	{ "rung", "竞争阶梯", 0, "deal-rung" },
	/* the readiness ratings, 1 to 5 (信心: reputation, service, profit;
	 * 信任: product, company, people; company: the by_tool table) */
	{ "reputation", "口碑", VF_NUM, NULL },
	{ "service", "服务", VF_NUM, NULL },
	{ "profit", "利润", VF_NUM, NULL },
	{ "product", "产品", VF_NUM, NULL },
	{ "people", "人员", VF_NUM, NULL },
	{ "rival_ours", "我方加权得分", VF_NUM, NULL },
	{ "rival_theirs", "竞品加权得分", VF_NUM, NULL },
	/* ar-statement and pay-plan (SPEC 8, 9) */
	{ "kind", "类别", 0, "kind" },
	{ "running_balance", "余额", VF_MONEY, NULL },
	{ "credit_left", "核销后余款", VF_MONEY, NULL },
	{ "claim", "主张利息", VF_MONEY, NULL },
	{ "over_cap", "超过上限", 0, "bool" },
	{ "instalment", "期数", VF_NUM, NULL },
	{ "principal", "本金", VF_MONEY, NULL },
	{ "payment", "应付金额", VF_MONEY, NULL },
	{ "remaining", "剩余本金", VF_MONEY, NULL },
	/* the accounting of every tool */
	{ "_error", "错误", VF_WRAP, NULL },
	{ "_source", "来源", 0, NULL },
};

/* A name one tool uses for something else than the others do: its entry
 * for that tool (checked first), the table above for every other tool. */
static const struct by_tool {
	const char *tool;
	struct vocab_field f;
} by_tool[] = {
	/* deal-plan: trust in the company, 1 to 5 (公司—硬实力), not the
	 * ledger's company code */
	{ "deal-plan", { "company", "公司", VF_NUM, NULL } },
	/* pay-plan: the interest of an instalment (分期利息), not late
	 * interest (逾期利息, ar-age and ar-statement) */
	{ "pay-plan", { "interest", "分期利息", VF_MONEY, NULL } },
};

/* Value words, by set: the codes are the API, the Chinese the course's. */
static const struct word {
	const char *set, *code, *zh;
} words[] = {
	{ "bool", "yes", "是" }, { "bool", "no", "否" },
	{ "bool", "true", "是" }, { "bool", "false", "否" },
	{ "bool", "1", "是" }, { "bool", "0", "否" },
	{ "doc_type", "invoice", "发票" },
	{ "doc_type", "credit_note", "红字发票" },
	{ "doc_type", "payment", "收款单" },
	{ "doc_type", "adjustment", "调整单" },
	{ "stage", "first", "首款" }, { "stage", "middle", "中款" },
	{ "stage", "final", "尾款" },
	{ "grade", "N", "N（新客户）" },
	{ "excuse", "quality", "质量不好" }, { "excuse", "service", "服务不周" },
	{ "excuse", "price", "价格不优" }, { "excuse", "boss", "领导不满" },
	{ "excuse", "finance-away", "财务不在" },
	{ "excuse", "process", "流程不通" }, { "excuse", "no-rush", "劝你不急" },
	{ "excuse", "accuse-distrust", "怪你不信" },
	{ "excuse", "threat", "吓你不做" }, { "excuse", "blame", "责你不会" },
	{ "excuse", "climate", "新形势" }, { "excuse", "change", "新变化" },
	{ "excuse", "agenda", "心诉求" },
	{ "power", "strong-weak", "客强我弱" }, { "power", "peer", "客强我强" },
	{ "power", "unable", "有心无力" },
	{ "terms", "goods-first", "先货后款" },
	{ "terms", "final-with-goods", "尾款尾货" },
	{ "terms", "pay-on-delivery", "同款同货" },
	{ "terms", "prepay", "先款后货" },
	{ "action", "remind", "到期前提醒" },
	{ "action", "prepare-documents", "备好文件与发票" },
	{ "action", "phone", "电话催收" },
	{ "action", "written-notice", "书面通知" },
	{ "action", "visit", "上门拜访" },
	{ "action", "stop-shipments", "暂停发货" },
	{ "action", "switch-to-prepay", "改为先款后货" },
	{ "action", "lawyer-letter", "律师函" },
	{ "action", "legal-review", "法律评估" },
	{ "action", "confirm-balance", "对账函" },
	{ "action", "statute-warning", "诉讼时效预警" },
	{ "action", "promise-reminder", "承诺付款提醒" },
	{ "action", "resolve-dispute", "解决争议" },
	{ "action", "reconcile", "对账核销" },
	{ "action", "apply-cash", "核销来款" },
	{ "channel", "message", "短信/邮件" }, { "channel", "internal", "内部" },
	{ "channel", "phone", "电话" }, { "channel", "letter", "书面" },
	{ "channel", "visit", "当面" }, { "channel", "meeting", "会谈" },
	{ "channel", "call", "电话" },
	{ "rung", "sales", "销售" }, { "rung", "delivery", "交付" },
	{ "rung", "assistant", "助理" }, { "rung", "finance", "财务" },
	{ "rung", "executive", "高管" },
	{ "audience", "internal", "内部" }, { "audience", "customer", "客户" },
	{ "style", "fair-deal", "同理式" }, { "style", "empathy", "共情式" },
	{ "style", "win-win", "共赢式" }, { "style", "ask-help", "求助式" },
	{ "style", "deadline", "节点式" }, { "style", "ask-advice", "求教式" },
	{ "style", "concession", "代价式" }, { "style", "precedent", "例证式" },
	{ "style", "vision", "愿景式" }, { "style", "firm", "严肃式" },
	{ "kind", "opening", "期初余额" }, { "kind", "line", "明细" },
	{ "kind", "closing", "期末余额" }, { "kind", "aged", "账龄" },
	{ "kind", "match", "核销建议" }, { "kind", "interest", "逾期利息" },
	{ "bucket", "current", "未到期" }, { "bucket", "unapplied", "未核销" },
	/* deal-plan's missing inputs: field names, and the ratings */
	{ "missing", "reason", "降价理由" },
	{ "missing", "competitor_price", "竞品价格" },
	{ "missing", "ratings", "信心与信任评分" },
	{ "missing", "budget", "客户预算" },
	{ "missing", "conditions", "客户已提条件" },
	{ "missing", "objections", "客户有异议" },
	{ "missing", "roles", "谈判对象" },
};

/* deal-plan's vocabularies are deal.c's tables, in the course's words
 * (SPEC 6): one place for the codes and their Chinese. */
static const struct labels {
	const char *set;
	const struct deal_label *l;
	size_t n;
} label_sets[] = {
	{ "reason", deal_reasons, NREASONS },
	{ "strategy", deal_strategies, NREASONS },
	{ "role", deal_roles, NROLES },
	{ "team", deal_team, NTEAM },
	{ "get", deal_gets, NGETS },
	{ "value", deal_values, NVALUES },
	{ "deal-rung", deal_rungs, NRUNGS },
	{ "bound", deal_bounds, NBOUNDS },
	{ "flag", deal_flags, NFLAGS },
	{ "timing", deal_timings, NTIMINGS },
	{ "rating", deal_ratings, NRATINGS },
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

const struct vocab_field *
vocab_field(const char *tool, const char *name)
{
	for (size_t i = 0; tool != NULL && i < NELEM(by_tool); i++)
		if (strcmp(by_tool[i].tool, tool) == 0 &&
		    strcmp(by_tool[i].f.name, name) == 0)
			return &by_tool[i].f;
	for (size_t i = 0; i < NELEM(fields); i++)
		if (strcmp(fields[i].name, name) == 0)
			return &fields[i];
	return NULL;
}

/* "d1_30" "d121_plus" "f1_30" "f61_plus" "d0_30": ar-age's bucket columns
 * (aging.c names them); *LO, *HI (-1 for plus), *FUTURE. */
static int
bucket_name(const char *s, int *lo, int *hi, int *future)
{
	char *end;
	long a, b = -1;

	if ((s[0] != 'd' && s[0] != 'f') || s[1] < '0' || s[1] > '9')
		return 0;
	*future = s[0] == 'f';
	a = strtol(s + 1, &end, 10);
	if (*end != '_' || a > 1000000)
		return 0;
	if (strcmp(end + 1, "plus") != 0) {
		if (end[1] < '0' || end[1] > '9')
			return 0;
		b = strtol(end + 1, &end, 10);
		if (*end != '\0' || b < a || b > 1000000)
			return 0;
	}
	*lo = (int)a;
	*hi = (int)b;
	return 1;
}

static const char *
bucket_text(int lo, int hi, int future, enum lang lang, char *buf)
{
	if (lang == LANG_ZH) {
		if (hi < 0)
			snprintf(buf, VOCAB_BUFSZ, future ? "%d天以上到期" : "%d天以上",
			    lo);
		else
			snprintf(buf, VOCAB_BUFSZ, future ? "%d-%d天后到期" : "%d-%d天",
			    lo, hi);
	} else if (hi < 0)
		snprintf(buf, VOCAB_BUFSZ, future ? "due %d+" : "%d+", lo);
	else
		snprintf(buf, VOCAB_BUFSZ, future ? "due %d-%d" : "%d-%d", lo, hi);
	return buf;
}

const char *
vocab_label(const char *tool, const char *name, enum lang lang, char *buf)
{
	const struct vocab_field *f;
	int lo, hi, future;

	if (bucket_name(name, &lo, &hi, &future))
		return bucket_text(lo, hi, future, lang, buf);
	if (lang == LANG_ZH && (f = vocab_field(tool, name)) != NULL)
		return f->zh;
	if (lang == LANG_ZH && strcmp(name, "current") == 0)
		return "未到期";
	return name;
}

/* A bucket value as ar-age writes it ("1-30", "121+", "due 1-30"). */
static int
bucket_value(const char *s, size_t n, int *lo, int *hi, int *future)
{
	char t[32], *end;
	const char *p = t;
	long a, b = -1;

	if (n == 0 || n >= sizeof(t))
		return 0;
	memcpy(t, s, n);
	t[n] = '\0';
	*future = strncmp(t, "due ", 4) == 0;
	if (*future)
		p += 4;
	if (*p < '0' || *p > '9')
		return 0;
	a = strtol(p, &end, 10);
	if (strcmp(end, "+") != 0) {
		if (*end != '-' || end[1] < '0' || end[1] > '9')
			return 0;
		b = strtol(end + 1, &end, 10);
		if (*end != '\0')
			return 0;
	}
	if (a > 1000000 || b > 1000000)
		return 0;
	*lo = (int)a;
	*hi = (int)b;
	return 1;
}

static const char *
word_of(const char *set, const char *code, size_t n)
{
	for (size_t i = 0; i < NELEM(words); i++)
		if (strcmp(words[i].set, set) == 0 &&
		    strlen(words[i].code) == n && memcmp(words[i].code, code, n) == 0)
			return words[i].zh;
	for (size_t i = 0; i < NELEM(label_sets); i++)
		if (strcmp(label_sets[i].set, set) == 0)
			for (size_t k = 0; k < label_sets[i].n; k++)
				if (strlen(label_sets[i].l[k].code) == n &&
				    memcmp(label_sets[i].l[k].code, code, n) == 0)
					return label_sets[i].l[k].zh;
	return NULL;
}

size_t
vocab_value(const char *tool, const char *name, const char *code, size_t n,
    enum lang lang, char *buf, size_t cap)
{
	const struct vocab_field *f;
	size_t o = 0, any = 0;

	if (lang != LANG_ZH || (f = vocab_field(tool, name)) == NULL ||
	    f->set == NULL ||
	    n == 0 || cap == 0)
		return (size_t)-1;
	if (strcmp(f->set, "bucket") == 0) {
		int lo, hi, future;
		char b[VOCAB_BUFSZ];
		if (bucket_value(code, n, &lo, &hi, &future)) {
			bucket_text(lo, hi, future, lang, b);
			if (strlen(b) >= cap)
				return (size_t)-1;
			memcpy(buf, b, strlen(b) + 1);
			return strlen(b);
		}
	}
	/* each ';'-separated part of a list, the others whole */
	for (size_t i = 0; i <= n;) {
		size_t j = i;
		const char *w;
		size_t wn;
		if (f->flags & VF_LIST)
			while (j < n && code[j] != ';')
				j++;
		else
			j = n;
		w = word_of(f->set, code + i, j - i);
		any += w != NULL;
		wn = w ? strlen(w) : j - i;
		if (o + wn + 4 >= cap)
			return (size_t)-1;
		if (o > 0)
			buf[o++] = (char)0xe3, buf[o++] = (char)0x80, buf[o++] = (char)0x81;
		memcpy(buf + o, w ? w : code + i, wn);
		o += wn;
		i = j + 1;
	}
	buf[o] = '\0';
	return any ? o : (size_t)-1;
}

int
vocab_word_at(const char *set, size_t i, const char **code, const char **zh)
{
	for (size_t k = 0; k < NELEM(words); k++)
		if (strcmp(words[k].set, set) == 0 && i-- == 0) {
			*code = words[k].code;
			*zh = words[k].zh;
			return 1;
		}
	for (size_t k = 0; k < NELEM(label_sets); k++)
		if (strcmp(label_sets[k].set, set) == 0 && i < label_sets[k].n) {
			*code = label_sets[k].l[i].code;
			*zh = label_sets[k].l[i].zh;
			return 1;
		}
	return 0;
}
