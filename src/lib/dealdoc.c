/* dealdoc.c - the negotiation plan for people (dealdoc.h). The wording is
 * the tables below, in the course's words (seed/course-outline.zh.txt,
 * 第一部分): rows of (section, condition, list, en, zh) with {name}
 * placeholders, rendered by prose.c; the code after them only says which
 * conditions hold and what each placeholder stands for. A section appears
 * when its inputs exist; every line names this deal's figures, so that the
 * same text in two plans is a sign of the same inputs. Nothing here
 * suggests gifts, personal payments or favours (合理满足 is lawful only). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "date.h"
#include "dealdoc.h"
#include "money.h"
#include "utf8.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- the sections, the conditions, the lists ---- */

enum { S_TITLE = 1, S_OFFERS, S_LADDER, S_REASON, S_VALUES, S_RIVAL, S_CASES,
	S_ROLES, S_TIMING, S_READY, S_SETTLE, S_TODO, S_END };

enum {
	C_CURRENCY = 1, C_BUDGET, C_COMP_PRICE, C_DECISION, C_FLAGS, C_FLAG_ON,
	C_BOUND_TARGET, C_BOUND_LIST, C_LIST_LOW, C_BOUND_BUDGET,
	C_BOUND_COMP, C_BOUND_WALK, C_AIM_BUDGET, C_AIM_COMP, C_LIFE_POS,
	C_LIFE_NEG, C_RIVAL_UNBOUNDED, C_PLAN_ADJUST,
	C_BASIC_FITS, C_BASIC_OVER,
	C_STEPS, C_END_BUDGET, C_END_OPTIMAL, C_SHORT, C_VALUE_ONLY,
	C_NONEED_BUDGET, C_NONEED_COMP, C_NONEED_LIST, C_HAD_CONTRACT,
	C_HAD_TERMS, C_HAD_CASE, C_UNKNOWN_GETS,
	C_PREMIUMS, C_GETS_NOTE,
	C_REASON, C_RISK, C_COMPETITOR, C_COMPETITOR_LIFE, C_COMPETITOR_NOLIFE,
	C_BUDGET_R, C_KPI, C_KPI_STEPS, C_PERSONAL, C_CASUAL, C_CASUAL_STEPS,
	C_CASES, C_RISK_CASES, C_RISK_NO_CASES, C_LIFE, C_NO_STEPS_S,
	C_NOT_CHEAPER, C_PREMIUM_UP, C_PREMIUM_DOWN, C_PREMIUM_TWO_UP,
	C_PREMIUM_TWO_DOWN, C_PREMIUM_ONE, C_RIVAL_UP, C_RIVAL_DOWN, C_QUOTE,
	C_ABOVE, C_BELOW_CLOSE,
	C_CHEAPER, C_BELOW_OPTIMAL, C_CLAIMED_PRICE, C_CLAIMED, C_LIFE_WIN,
	C_LIFE_LOSE,
	C_RIVAL, C_ROLES, C_TIMING, C_COND_YES, C_COND_NO, C_OBJ_YES,
	C_OBJ_NO, C_AHEAD, C_LATE, C_NOT_YET, C_UNKNOWN_T, C_RATED,
	C_CONFIDENCE, C_TRUST, C_HALFWAY, C_NO_HALFWAY, C_TODO, C_WEAK,
	C_STRONG
};

enum { L_FLAGS = 1, L_OFFERS, L_STEPS, L_VALUES, L_ROLES, L_ATTRS, L_CASES,
	L_RATINGS, L_ELEMENTS };

static const struct prose_section sections[] = {
	{ S_TITLE, 0, "# Negotiation plan: {customer} · {deal}\n\n",
	  "# 谈判策划：{customer} · {deal}\n\n" },
	{ S_OFFERS, 0, "## {n}. Three offers (三套服务价格体系)\n\n",
	  "## {n}、三套服务价格体系\n\n" },
	{ S_LADDER, 0, "## {n}. Concession ladder (利益交换)\n\n",
	  "## {n}、让步阶梯（利益交换）\n\n" },
	{ S_REASON, C_REASON, "## {n}. Why they ask for less (冷静应对客户要求"
	  "降价)\n\n", "## {n}、冷静应对客户要求降价\n\n" },
	{ S_VALUES, C_CHEAPER, "## {n}. Against a cheaper competitor (从容应对"
	  "低价比较)\n\n", "## {n}、从容应对低价比较\n\n" },
	{ S_RIVAL, C_RIVAL, "## {n}. Where to sell against the competitor "
	  "(预判竞争对手差异挑战)\n\n", "## {n}、预判竞争对手差异挑战\n\n" },
	{ S_CASES, C_CASES, "## {n}. Proof from our cases (案例佐证)\n\n",
	  "## {n}、案例佐证\n\n" },
	{ S_ROLES, C_ROLES, "## {n}. Who sits across the table (精准分析谈判对象"
	  "风格, 成交心理)\n\n", "## {n}、精准分析谈判对象风格与成交心理\n\n" },
	{ S_TIMING, C_TIMING, "## {n}. Timing (谈判时机确认二条件)\n\n",
	  "## {n}、谈判时机确认二条件\n\n" },
	{ S_READY, C_RATED, "## {n}. Customer readiness (信心 · 信任)\n\n",
	  "## {n}、客户成交根因：信心与信任\n\n" },
	{ S_SETTLE, 0, "## {n}. Settling a disagreement (合理解决客户分歧), in "
	  "order\n\n", "## {n}、合理解决客户分歧（按优先顺序）\n\n" },
	{ S_TODO, C_TODO, "## {n}. Before the meeting (谈判策划五要素)\n\n",
	  "## {n}、会前补齐（谈判策划五要素）\n\n" },
};

static const struct prose_row rows[] = {
	/* the title: what the deal is */
	{ S_TITLE, C_CURRENCY, 0, "{currency} · ", "币种 {currency} · " },
	{ S_TITLE, 0, 0, "list price {list} · our cost {cost}",
	  "标价 {list} · 成本 {cost}" },
	{ S_TITLE, C_BUDGET, 0, " · budget {budget}", " · 预算 {budget}" },
	{ S_TITLE, C_COMP_PRICE, 0, " · {competitor_name} {competitor}",
	  " · {competitor_name} {competitor}" },
	{ S_TITLE, C_DECISION, 0, " · decision on {decision_date}",
	  " · 决策日 {decision_date}" },
	{ S_TITLE, 0, 0, "\n\n", "\n\n" },
	{ S_TITLE, C_FLAGS, L_FLAGS, "- `{flag_code}`: {flag_text}\n",
	  "- `{flag_code}`：{flag_text}\n" },
	{ S_TITLE, C_FLAGS, 0, "\n", "\n" },

	/* 1. 三套服务价格体系: three offers of scope and price */
	{ S_OFFERS, 0, 0, "提出多处解决方案 — several options: present all "
	  "three and recommend the optimal; reference is the anchor at "
	  "{reference}. 坚持客观标准 — objective criteria: walk away below "
	  "{walk_away} for the optimal scope, the larger of cost {cost_o} × (1 "
	  "+ {min_margin}%) = {floor_o} and basic's price {basic}.\n\n",
	  "提出多处解决方案：三套一起呈现，主推最优型；参照型 {reference} 作为锚定。"
	  "坚持客观标准：最优型范围的底线（walk-away）为 {walk_away}，取成本 "
	  "{cost_o} × (1 + {min_margin}%) = {floor_o} 与基础型价格 {basic} 的"
	  "较大者。\n\n" },
	{ S_OFFERS, 0, 0, "| Offer | Scope | Price | Margin on cost |\n"
	  "|---|---|---:|---:|\n", "| 方案 | 范围 | 价格 | 成本加成 |\n"
	  "|---|---|---:|---:|\n" },
	{ S_OFFERS, 0, L_OFFERS, "| {offer} | {offer_scope} | {offer_price} | "
	  "{offer_margin}% |\n", "| {offer} | {offer_scope} | {offer_price} | "
	  "{offer_margin}% |\n" },
	{ S_OFFERS, 0, 0, "\n", "\n" },
	{ S_OFFERS, C_BOUND_TARGET, 0, "Optimal {optimal} is our target, cost "
	  "{cost_o} × (1 + {target_margin}%): neither a budget nor a "
	  "competitor's price says what wins.\n\n", "最优型 {optimal} 即目标价："
	  "成本 {cost_o} × (1 + {target_margin}%)；预算与竞品报价均未知。\n\n" },
	{ S_OFFERS, C_BOUND_LIST, 0, "Optimal {optimal} is held by the list "
	  "price of its scope: what the deal makes winnable, {aim}, is "
	  "higher.\n\n", "最优型 {optimal} 受其范围的标价所限：本单可赢价格 {aim} "
	  "更高。\n\n" },
	{ S_OFFERS, C_LIST_LOW, 0, "The list price {list} is below the "
	  "walk-away {walk_away} of the optimal scope: no price above the list "
	  "without added scope. Sell the reference ({reference}, it adds "
	  "{added_r}) or re-price the list.\n\n", "标价 {list} 低于最优型范围的"
	  "底线 {walk_away}：范围不增加，报价不高于标价。改推参照型（{reference}，"
	  "增加了{added_r}），或重新定价。\n\n" },
	{ S_OFFERS, C_BOUND_BUDGET, 0, "Optimal {optimal} is held by their "
	  "budget.\n\n", "最优型 {optimal} 以客户预算为限。\n\n" },
	{ S_OFFERS, C_BOUND_COMP, 0, "Optimal {optimal} is held by what "
	  "{competitor_name}'s price allows.\n\n", "最优型 {optimal} 以"
	  "{competitor_name}报价所允许的价格为限。\n\n" },
	{ S_OFFERS, C_BOUND_WALK, 0, "What the deal makes winnable, {aim}, is "
	  "below our walk-away: optimal stays at {optimal}; below it we do not "
	  "follow.\n\n", "本单可赢价格 {aim} 低于我方底线：最优型守在 {optimal}，"
	  "不再跟降。\n\n" },
	{ S_OFFERS, C_PREMIUM_UP, 0, "Against {competitor_name} at "
	  "{competitor}, our value supports {ceiling}, a premium of {premium}",
	  "对{competitor_name} {competitor}，我方价值可支撑 {ceiling}，溢价 "
	  "{premium}" },
	{ S_OFFERS, C_PREMIUM_DOWN, 0, "Against {competitor_name} at "
	  "{competitor}, our value supports only {ceiling}: our weaker "
	  "comparison costs us a discount of {discount}", "对{competitor_name} "
	  "{competitor}，我方价值只能支撑 {ceiling}：比较中我方较弱，折让 "
	  "{discount}" },
	{ S_OFFERS, C_PREMIUM_TWO_UP, 0, ", the larger of:\n\n",
	  "，取下列较大者：\n\n" },
	{ S_OFFERS, C_PREMIUM_TWO_DOWN, 0, ", the smaller of:\n\n",
	  "，取下列较小者：\n\n" },
	{ S_OFFERS, C_PREMIUM_ONE, 0, ":\n\n", "：\n\n" },
	{ S_OFFERS, C_LIFE_POS, 0, "- Over {years} years they save {life_premium} "
	  "with us: ({competitor_opex} − {opex}) × {years} in running "
	  "costs.\n", "- {years} 年内客户选我方可省 {life_premium}：运营成本 "
	  "({competitor_opex} − {opex}) × {years}。\n" },
	{ S_OFFERS, C_LIFE_NEG, 0, "- Over {years} years they spend "
	  "{life_premium_abs} more with us: ({opex} − {competitor_opex}) × "
	  "{years} in running costs.\n", "- {years} 年内客户选我方多花 "
	  "{life_premium_abs}：运营成本 ({opex} − {competitor_opex}) × "
	  "{years}。\n" },
	{ S_OFFERS, C_RIVAL_UP, 0, "- The weighted comparison, {rival_ours} "
	  "against {rival_theirs}, is worth {rival_premium} at their price: "
	  "{competitor} × ({rival_ours} − {rival_theirs}) / {rival_theirs}.\n",
	  "- 加权对比 {rival_ours} 比 {rival_theirs}，按对方价格折合 "
	  "{rival_premium}：{competitor} × ({rival_ours} − {rival_theirs}) / "
	  "{rival_theirs}。\n" },
	{ S_OFFERS, C_RIVAL_DOWN, 0, "- The weighted comparison, {rival_ours} "
	  "against {rival_theirs}, costs us {rival_discount} at their price: "
	  "{competitor} × ({rival_theirs} − {rival_ours}) / {rival_theirs}.\n",
	  "- 加权对比 {rival_ours} 比 {rival_theirs}，按对方价格我方折让 "
	  "{rival_discount}：{competitor} × ({rival_theirs} − {rival_ours}) / "
	  "{rival_theirs}。\n" },
	{ S_OFFERS, C_RIVAL_UNBOUNDED, 0, "- They score nothing in the "
	  "comparison ({rival_ours} against {rival_theirs}): their price "
	  "{competitor} does not hold ours.\n", "- 对比清单中对方得分为零（"
	  "{rival_ours} 比 {rival_theirs}）：对方报价 {competitor} 不限制我方。\n" },
	{ S_OFFERS, C_PREMIUMS, 0, "\n", "\n" },
	{ S_OFFERS, C_RIVAL_UNBOUNDED, 0, "\n", "\n" },
	{ S_OFFERS, C_QUOTE, 0, "The proposal quotes the optimal scope at "
	  "{opening}, what it may be asked, and comes down only along the "
	  "ladder below, a get for every give: to {end} at the lowest.\n\n",
	  "提案中最优型范围报价 {opening}（该范围可报的最高价），只沿下文阶梯"
	  "下降，每让一步都有交换：最低到 {end}。\n\n" },
	{ S_OFFERS, C_ABOVE, 0, "Their budget, {budget}, pays more than "
	  "{competitor_name} at {competitor} lets us win: the optimal is "
	  "{optimal}, and the ladder stops at {end}, {close_gap} above it. That "
	  "{close_gap} must be won on value (the value strategies below), never "
	  "conceded for nothing; on price alone {optimal} is what wins, and "
	  "below {walk_away} we walk away.\n\n", "客户预算 {budget} 高于"
	  "{competitor_name} {competitor} 下我方可赢的价格：最优型为 {optimal}，阶梯"
	  "停在 {end}，比它高 {close_gap}。这 {close_gap} 必须靠价值赢得（见下文"
	  "价值策略），不能无交换地让出；单比价格，{optimal} 才能赢单；低于 "
	  "{walk_away} 即放弃。\n\n" },
	{ S_OFFERS, C_PLAN_ADJUST, 0, "Their budget {budget} is below the "
	  "walk-away {walk_away}: 方案调整, less scope, not less margin. Basic "
	  "({scope_b}) at {basic} leaves out {removed} and earns {margin_b}% on "
	  "its cost {cost_b}", "预算 {budget} 低于底线 {walk_away}：方案调整——减"
	  "范围，不减利润。基础型（{scope_b}）报 {basic}，去掉了{removed}，成本 "
	  "{cost_b} 上仍有 {margin_b}% 加成" },
	{ S_OFFERS, C_BASIC_FITS, 0, ": it fits the budget.\n\n",
	  "，在预算之内。\n\n" },
	{ S_OFFERS, C_BASIC_OVER, 0, ", still above the budget: phase it, a "
	  "first part now and the rest in their next budget period, or walk "
	  "away.\n\n", "，仍高于预算：分期实施，先做第一期，其余放入下一个预算"
	  "周期；否则放弃。\n\n" },

	/* 2. 利益交换: the ladder, a get for every give */
	{ S_LADDER, C_STEPS, 0, "Open at {opening} for the optimal scope and "
	  "stop at {end}", "最优型范围以 {opening} 开价，最低让到 {end}" },
	{ S_LADDER, C_END_BUDGET, 0, ", their budget: never further than they "
	  "need", "（客户预算）：不多让客户没要的" },
	{ S_LADDER, C_END_OPTIMAL, 0, ", the optimal price",
	  "（最优型价格）" },
	{ S_LADDER, C_STEPS, 0, ". Steps: {nsteps}, giving {total_give} in "
	  "all, each traded for a get worth at least the give ({total_value} "
	  "in all).\n\n| Step | Give | Price after | Get | Worth to us |\n"
	  "|---:|---:|---:|---|---:|\n", "。共 {nsteps} 步、让 {total_give}，"
	  "每一步都换回不低于让步的利益（合计 {total_value}）。\n\n"
	  "| 步骤 | 让步 | 让步后价格 | 交换条件 | 对我方价值 |\n"
	  "|---:|---:|---:|---|---:|\n" },
	{ S_LADDER, 0, L_STEPS, "| {i} | {give} | {price_after} | {get} | "
	  "{value} |\n", "| {i} | {give} | {price_after} | {get} | {value} |\n" },
	{ S_LADDER, C_STEPS, 0, "\n", "\n" },
	{ S_LADDER, C_SHORT, 0, "No get is worth the next step of "
	  "{short_give}: hold at {end} and go to the ways of settling below; "
	  "never a give without a get.\n\n", "没有值得交换 {short_give} 的条件："
	  "守在 {end}，转入下文的分歧解决；没有交换，就没有让步。\n\n" },
	{ S_LADDER, C_VALUE_ONLY, 0, "No price ladder: {competitor_name} at "
	  "{competitor} is below our cost {cost_o}, a price we cannot follow. "
	  "Hold {optimal}, sell the value (the strategies below) and walk away "
	  "below {walk_away}.\n\n", "不设价格阶梯：{competitor_name} {competitor} "
	  "低于我方成本 {cost_o}，价格上无法跟进。守住 {optimal}，以价值取胜（见"
	  "下文价值策略），低于 {walk_away} 即放弃。\n\n" },
	{ S_LADDER, C_NONEED_BUDGET, 0, "No concession: their budget {budget} "
	  "covers the opening price {opening}.\n\n", "无需让步：预算 {budget} "
	  "已覆盖开价 {opening}。\n\n" },
	{ S_LADDER, C_NONEED_COMP, 0, "No concession: {competitor_name} asks "
	  "{competitor}, more than our {opening}; hold it.\n\n", "无需让步："
	  "{competitor_name}报价 {competitor}，高于我方 {opening}；守价。\n\n" },
	{ S_LADDER, C_NONEED_LIST, 0, "No concession planned: the opening "
	  "price {opening} is the optimal price.\n\n", "不设让步：开价 {opening} "
	  "即最优型价格。\n\n" },
	{ S_LADDER, C_HAD_CONTRACT, 0, "- Not asked for, they have it: a longer "
	  "contract (the contract is {years} years already).\n", "- 不必再要（已"
	  "具备）：延长合同期（合同已是 {years} 年）。\n" },
	{ S_LADDER, C_HAD_TERMS, 0, "- Not asked for, they have it: prepayment "
	  "or shorter terms (they pay on signing, {terms_days} days).\n",
	  "- 不必再要（已具备）：预付款、缩短账期（签约即付，账期 {terms_days} "
	  "天）。\n" },
	{ S_LADDER, C_HAD_CASE, 0, "- Not asked for, they have it: a reference "
	  "case ({customer} is a named case of ours already).\n",
	  "- 不必再要（已具备）：成功案例授权（{customer} 已是我方具名案例）。\n" },
	{ S_LADDER, C_UNKNOWN_GETS, 0, "- Not valued, for want of inputs: "
	  "{unknown_gets}; with them the ladder from {opening} can trade "
	  "more.\n", "- 缺少输入、无法估值：{unknown_gets}；补齐后，自 {opening} "
	  "起的阶梯可交换更多条件。\n" },
	{ S_LADDER, C_GETS_NOTE, 0, "\n", "\n" },

	/* 3. 六个常见原因, 六种策略 */
	{ S_REASON, 0, 0, "Behind the demand: {reason}. Strategy: **{strategy}** "
	  "({strategy_en}). 着眼利益而非立场: answer that, not the figure "
	  "{quote}.\n\n", "降价要求背后是“{reason}”。策略：**{strategy}**。"
	  "着眼利益而非立场：回应它，而不是数字 {quote}。\n\n" },
	{ S_REASON, C_RISK_CASES, 0, "- Show the {ncases} cases below, the "
	  "closest to this deal: {case_names}.\n", "- 拿出下文与本单最接近的 "
	  "{ncases} 个案例：{case_names}。\n" },
	{ S_REASON, C_RISK_NO_CASES, 0, "- No case of ours matches this deal "
	  "(--cases): bring two or three from peers in their industry to back "
	  "{quote}, and start its own (一客一例一报).\n", "- 我方案例库中没有"
	  "与本单匹配的案例（--cases）：拿出同行业两到三个案例支撑 {quote}，"
	  "并为本单建立案例（一客一例一报）。\n" },
	{ S_REASON, C_RISK, 0, "- Offer a pilot or staged acceptance of "
	  "{scope_o}: the risk is ours to prove, not theirs to price below "
	  "{quote}.\n- Write the commitments into the contract: service "
	  "levels and acceptance criteria, so that {quote} buys certainty.\n",
	  "- 提出{scope_o}的试点或分阶段验收：风险由我方证明，而不是靠把 "
	  "{quote} 压低来承担。\n- 把承诺写进合同：服务水平与验收标准，"
	  "让 {quote} 买到确定性。\n" },
	{ S_REASON, C_COMPETITOR, 0, "- Forecast the risks of the cheaper "
	  "offer{competitor_at}: hidden costs, delivery, quality, service, the "
	  "cost of switching later.\n", "- 预测低价方案{competitor_at}的风险："
	  "隐性成本、交付、质量、服务、日后更换的代价。\n" },
	{ S_REASON, C_COMPETITOR_LIFE, 0, "- Compare the cost over {years} "
	  "years, not the price on the day: ours {life_ours}, theirs "
	  "{life_theirs}.\n", "- 比较 {years} 年全周期成本，而不是当下价格：我方 "
	  "{life_ours}，对方 {life_theirs}。\n" },
	{ S_REASON, C_COMPETITOR_NOLIFE, 0, "- Ask for their running costs: "
	  "the price on the day, {quote}, is not the cost over the life.\n",
	  "- 问清对方的运营成本：当下价格 {quote} 不等于全周期成本。\n" },
	{ S_REASON, C_BUDGET_R, 0, "- Adjust the scope, not the unit price: "
	  "basic ({scope_b}) at {basic}.\n- Phase the project: basic now, "
	  "{removed} in their next budget period.\n- Spread the payments within "
	  "the contract, never below {walk_away}.\n", "- 调整范围而不是单价：基础型"
	  "（{scope_b}）报 {basic}。\n- 分期实施：先做基础型，{removed}放入下一个"
	  "预算周期。\n- 在合同内分期付款，价格不低于 {walk_away}。\n" },
	{ S_REASON, C_KPI, 0, "- Give them a result they can report rather "
	  "than a cut below {quote}: {kpi_give}.\n- Quantify the value in "
	  "the figures their targets use (savings, efficiency, growth) against "
	  "the {quote} we ask.\n", "- 给对方可汇报的成果，而不是把 {quote} "
	  "再降：{kpi_give}。\n- 用对方考核所用的指标（节省、效率、增长）量化 "
	  "{quote} 换来的价值。\n" },
	{ S_REASON, C_KPI_STEPS, 0, "- If a price figure is a must, move down "
	  "the ladder: {nsteps} steps to {end}, a get for each.\n",
	  "- 如必须体现降价数字，沿让步阶梯：{nsteps} 步到 {end}，每步有交换。\n" },
	{ S_REASON, C_PERSONAL, 0, "- Recognition: credit them by name in the "
	  "project review and in the reference case; a letter of thanks to "
	  "their management for the project at {quote}.\n- Training and "
	  "certification for them and their team on {scope_o}, within "
	  "{quote}.\n- Lawful only, within both companies' "
	  "rules: recognition, training, references; what helps them at work (a "
	  "result their management sees, a problem taken off their hands).\n",
	  "- 认可：在项目复盘和成功案例中署名致谢；就 {quote} 的项目向其管理层"
	  "致感谢函。\n- 在 {quote} 之内，为其本人及团队提供{scope_o}的培训与"
	  "认证。\n- 仅限合法合规、符合双方"
	  "公司制度：认可、培训、推荐；帮其把工作做好（领导看得见的成果，替其解决"
	  "工作难题）。\n" },
	{ S_REASON, C_CASUAL, 0, "- Judge whether it is a real demand: ask what "
	  "{quote} is compared with, and who decides.\n- Hold {quote} "
	  "politely and restate the value; concede nothing unasked.\n",
	  "- 判断是否真实诉求：问清 {quote} 与什么比较、由谁决定。\n- 礼貌守住 "
	  "{quote} 并重申价值；不主动让步。\n" },
	{ S_REASON, C_CASUAL_STEPS, 0, "- If it comes back, answer with the "
	  "ladder: the first step, {first_give}, only for {first_get}.\n",
	  "- 如再次提出，按让步阶梯回应：第一步让 {first_give}，只换{first_get}。\n" },
	{ S_REASON, 0, 0, "\n", "\n" },

	/* 4. 八种价值策略, and the lifetime cost */
	{ S_VALUES, C_BELOW_OPTIMAL, 0, "At {competitor}, {competitor_name} "
	  "is {gap_pct}% below our optimal {optimal}: the eight value "
	  "strategies (八种价值策略), ranked for this deal.\n\n", "{competitor_name} "
	  "{competitor} 比我方最优型 {optimal} 低 {gap_pct}%：八种价值策略按本单"
	  "排序如下。\n\n" },
	{ S_VALUES, C_BELOW_CLOSE, 0, "At {competitor}, {competitor_name} is "
	  "not below our optimal {optimal} but is {close_gap_pct}% below {end}, "
	  "where our ladder stops: the eight value strategies (八种价值策略), "
	  "ranked for this deal, are to win the difference.\n\n",
	  "{competitor_name} {competitor} 不低于我方最优型 {optimal}，但比阶梯"
	  "终点 {end} 低 {close_gap_pct}%：差额靠八种价值策略赢得，按本单排序"
	  "如下。\n\n" },
	{ S_VALUES, C_CLAIMED_PRICE, 0, "They cite a cheaper competitor, yet the "
	  "price given, {competitor}, is not below our {end}: check the "
	  "comparison (精准判断). The eight value strategies (八种价值策略), "
	  "ranked for this deal.\n\n", "客户称竞品更便宜，但所给报价 {competitor} "
	  "并不低于我方 {end}：先核实对比（精准判断）。八种价值策略按本单排序"
	  "如下。\n\n" },
	{ S_VALUES, C_CLAIMED, 0, "They cite a cheaper competitor, its price "
	  "not given: ask for it before moving from {quote}. The eight value "
	  "strategies (八种价值策略), ranked for this deal.\n\n",
	  "客户称有更便宜的竞品，但未给出报价：在 {quote} 上让步之前先问清。"
	  "八种价值策略按本单排序如下。\n\n" },
	{ S_VALUES, 0, 0, "| Rank | Strategy | Score | For this deal | Why |\n"
	  "|---:|---|---:|---|---|\n", "| 排序 | 策略 | 得分 | 本单做法 | 依据 |\n"
	  "|---:|---|---:|---|---|\n" },
	{ S_VALUES, 0, L_VALUES, "| {rank} | {value} | {score} | {action} | "
	  "{why} |\n", "| {rank} | {value} | {score} | {action} | {why} |\n" },
	{ S_VALUES, 0, 0, "\n", "\n" },
	{ S_VALUES, C_LIFE, 0, "Over {years} years (price + opex × years): ours "
	  "{optimal} + {opex} × {years} = {life_ours}; theirs {competitor} + "
	  "{competitor_opex} × {years} = {life_theirs}. ", "{years} 年全周期成本"
	  "（价格 + 年运营成本 × 年数）：我方 {optimal} + {opex} × {years} = "
	  "{life_ours}；对方 {competitor} + {competitor_opex} × {years} = "
	  "{life_theirs}。" },
	{ S_VALUES, C_LIFE_WIN, 0, "Ours costs {life_diff} less or no more: "
	  "lead with it.\n\n", "我方不贵于对方（差额 {life_diff}）：以此开场。\n\n" },
	{ S_VALUES, C_LIFE_LOSE, 0, "Theirs costs {life_diff} less: do not "
	  "lead with the lifetime cost.\n\n", "对方少花 {life_diff}：不要以全周期"
	  "成本开场。\n\n" },

	/* 5. 人无我有 … 人好我硬, the comparison, 三看法 */
	{ S_RIVAL, 0, 0, "The ladder: {rung_ladder}. Sell on **{rung}** "
	  "({rung_en}): {rung_why}\n\n| Attribute | Weight | Ours | Theirs | "
	  "Lead |\n|---|---:|---:|---:|---|\n", "思路：{rung_ladder}。卖点："
	  "**{rung}**（{rung_en}）：{rung_why}\n\n| 维度 | 权重 | 我方 | 对方 | "
	  "领先 |\n|---|---:|---:|---:|---|\n" },
	{ S_RIVAL, 0, L_ATTRS, "| {attr} | {weight} | {ours} | {theirs} | "
	  "{lead} |\n", "| {attr} | {weight} | {ours} | {theirs} | {lead} |\n" },
	{ S_RIVAL, 0, 0, "\n1. 三看法, 看客户关注点排序 — their priorities: "
	  "{priorities}; the weights they give to what {quote} buys.\n2. "
	  "看自身目标和优劣势 — our goal, optimal {optimal}; we lead on {leads}; "
	  "weighted, ours {rival_ours} against theirs {rival_theirs}.\n3. "
	  "看对手底层逻辑 — their logic: they lead on {lags}, at "
	  "{competitor_or_unknown}.\n\nMethods: 主动高频 (raise it first, at "
	  "every meeting), 数据量化 ({rival_ours} against {rival_theirs} at "
	  "{optimal}{life_figures}), 感性类比 (an example from their own work), "
	  "共同分析 (fill the comparison in with them, with their weights).\n\n",
	  "\n1. 三看法之看客户关注点排序：{priorities}；即客户对 {quote} 所含"
	  "各项的权重。\n2. 看自身目标和优劣势：目标最优型 {optimal}；我方领先："
	  "{leads}；加权得分我方 {rival_ours}，对方 {rival_theirs}。\n3. "
	  "看对手底层逻辑：对方领先：{lags}，报价 {competitor_or_unknown}。\n\n"
	  "方法：主动高频（每次会谈主动提出），数据量化（{optimal} 下 {rival_ours} "
	  "比 {rival_theirs}{life_figures}），感性类比（用客户自己工作中的例子），"
	  "共同分析（与客户按其权重一起填写对比清单）。\n\n" },

	/* 6. 案例佐证 (and 例证式 when collecting, pick-script's {case}) */
	{ S_CASES, 0, 0, "The {ncases} cases of our library (一客一例一报) "
	  "closest to this deal ({case_basis}); name a customer only where it "
	  "agreed:\n\n", "案例库（一客一例一报）中与本单最接近的 {ncases} 个案例"
	  "（{case_basis}）；仅在客户授权时具名：\n\n" },
	{ S_CASES, 0, L_CASES, "- {case}\n", "- {case}\n" },
	{ S_CASES, 0, 0, "\n", "\n" },

	/* 7. 鹰羊狐驴, 爱 and 怕, the team */
	{ S_ROLES, 0, 0, "| Style | Who | What to do | We bring |\n"
	  "|---|---|---|---|\n", "| 风格 | 角色 | 应对 | 我方人员 |\n"
	  "|---|---|---|---|\n" },
	{ S_ROLES, 0, L_ROLES, "| {animal} | {role} | {tactic} | {bring} |\n",
	  "| {animal} | {role} | {tactic} | {bring} |\n" },
	{ S_ROLES, 0, 0, "\n", "\n" },
	{ S_ROLES, 0, L_ROLES, "- 成交心理 of the {animal}: 爱 (loves) {love}; 怕 "
	  "(fears) {fear}. The offer that answers both: {answer}\n",
	  "- {animal}的成交心理：爱{love}；怕{fear}。同时回应两者的方案：{answer}\n" },
	{ S_ROLES, 0, 0, "\n把人与问题分开 — separate the people from the "
	  "problem: meet each as its style asks, and keep the talk on the scope "
	  "and on {quote}. The team (组建团队): {team}.\n\n",
	  "\n把人与问题分开：按各自风格对待人，把讨论留在范围与 {quote} 上。"
	  "组建团队：{team}。\n\n" },

	/* 8. 谈判时机确认二条件, and the decision date */
	{ S_TIMING, C_COND_YES, 0, "- 客户给条件 — they gave conditions: bring a "
	  "proposal (提案), the three offers at {reference}, {quote} and "
	  "{basic}.\n", "- 客户给条件：我方给提案——三套方案 {reference}、"
	  "{quote}、{basic}。\n" },
	{ S_TIMING, C_OBJ_YES, 0, "- 客户有歧义 — they have objections: bring "
	  "an improvement (改善) to the optimal scope before {quote} is "
	  "discussed again.\n", "- 客户有歧义：我方有改善——在再谈 {quote} 之前，"
	  "先拿出对最优型范围的改善。\n" },
	{ S_TIMING, C_NOT_YET, 0, "- Neither conditions nor objections: not "
	  "yet. Find out what they need before {quote} is on the table.\n",
	  "- 既未给条件也无歧义：时机未到。先了解需求，再谈 {quote}。\n" },
	{ S_TIMING, C_UNKNOWN_T, 0, "- Not known whether they gave conditions "
	  "or have objections: find out before quoting {quote}.\n",
	  "- 尚不清楚客户是否给了条件、是否有歧义：报 {quote} 之前先确认。\n" },
	{ S_TIMING, C_AHEAD, 0, "- They decide on {decision_date}, {days} days "
	  "from {as_of}: the proposal at {quote} must be in their hands "
	  "before then.\n", "- 客户决策日 {decision_date}，距 {as_of} 还有 "
	  "{days} 天：{quote} 的方案须在此前送达。\n" },
	{ S_TIMING, C_LATE, 0, "- The decision date {decision_date} passed "
	  "{days_ago} days before {as_of}: find out where the decision stands "
	  "before anything else.\n", "- 决策日 {decision_date} 在 {as_of} 之前 "
	  "{days_ago} 天已过：先弄清决策进展。\n" },
	{ S_TIMING, 0, 0, "\n", "\n" },

	/* 9. 信心 and 信任: the weak roots to work on, the strong in a line */
	{ S_READY, C_WEAK, 0, "| Root to work on | Rating (1–5) | What to do |\n"
	  "|---|---:|---|\n", "| 待补强的根因 | 评分（1–5） | 应对 |\n"
	  "|---|---:|---|\n" },
	{ S_READY, C_WEAK, L_RATINGS, "| {root} | {rating} | {advice} |\n",
	  "| {root} | {rating} | {advice} |\n" },
	{ S_READY, C_WEAK, 0, "\n", "\n" },
	{ S_READY, C_STRONG, 0, "Strong already: {strong}.\n\n",
	  "已有优势：{strong}。\n\n" },
	{ S_READY, C_CONFIDENCE, 0, "Confidence (信心) {confidence} / 5. ",
	  "信心 {confidence} / 5。" },
	{ S_READY, C_TRUST, 0, "Trust (信任) {trust} / 5. ",
	  "信任 {trust} / 5。" },
	{ S_READY, 0, 0, "Weakest: **{weakest}** at {weakest_rating}: work on it "
	  "before the meeting.\n\n", "最弱项：**{weakest}**（{weakest_rating} 分）"
	  "：会前补强。\n\n" },

	/* 10. 合理解决客户分歧: in order of preference */
	{ S_SETTLE, C_STEPS, 0, "1. 利益交换 — exchange: the ladder, "
	  "{total_give} given for gets worth {total_value}.\n", "1. 利益交换："
	  "让步阶梯，让 {total_give}，换回价值 {total_value}。\n" },
	{ S_SETTLE, C_NO_STEPS_S, 0, "1. 利益交换 — exchange: no price to trade "
	  "down from {opening}; trade scope instead, basic at {basic}.\n",
	  "1. 利益交换：{opening} 不再让价；改以范围交换，基础型 {basic}。\n" },
	{ S_SETTLE, C_CHEAPER, 0, "2. 价值附加 — added value before any cut: "
	  "{top_value}, rather than a cut below {end}.\n", "2. 价值附加：先加价值再谈降价——"
	  "{top_value}，而不是降到 {end} 以下。\n" },
	{ S_SETTLE, C_NOT_CHEAPER, 0, "2. 价值附加 — added value before any "
	  "cut: {added_r} from the reference, rather than less than "
	  "{end}.\n", "2. 价值附加：先加价值再谈降价——加入参照型的{added_r}，"
	  "而不是低于 {end}。\n" },
	{ S_SETTLE, C_HALFWAY, 0, "3. 双方折中 — meet halfway between {end} "
	  "and their budget {budget}: {halfway}.\n", "3. 双方折中：在 {end} 与"
	  "预算 {budget} 之间折中：{halfway}。\n" },
	{ S_SETTLE, C_NO_HALFWAY, 0, "3. 双方折中 — meet halfway between the "
	  "last two offers, never below {walk_away}.\n", "3. 双方折中：在双方"
	  "最近两次报价之间折中，不低于 {walk_away}。\n" },
	{ S_SETTLE, 0, 0, "4. 单方妥协 — the last resort: once, said to be an "
	  "exception, never below {walk_away}.\n\n", "4. 单方妥协：最后手段，"
	  "仅此一次并说明是特例，不低于 {walk_away}。\n\n" },

	/* 11. 谈判策划五要素: what is missing */
	{ S_TODO, 0, L_ELEMENTS, "- {element}: give {needs}.\n",
	  "- {element}：补充 {needs}。\n" },
	{ S_TODO, 0, 0, "\n", "\n" },
};

/* ---- the texts of the lists' items ---- */

struct words {
	const char *en, *zh;
};

static const struct words flag_text[NFLAGS] = {
	{ "the budget {budget} is below the walk-away {walk_away}: plan "
	  "adjustment (方案调整), less scope, not less margin",
	  "预算 {budget} 低于底线 {walk_away}：方案调整，减范围，不减利润" },
	{ "{competitor_name} at {competitor} is below our cost {cost_o}: value "
	  "only, no price ladder", "{competitor_name} {competitor} 低于我方成本 "
	  "{cost_o}：只谈价值，不设价格阶梯" },
	{ "the list price {list} is below the walk-away {walk_away}: add scope "
	  "or re-price", "标价 {list} 低于底线 {walk_away}：加范围或重新定价" },
	{ "{competitor_name} with our premium, {ceiling}, is below the "
	  "walk-away {walk_away}: we do not follow", "{competitor_name}加上我方"
	  "溢价为 {ceiling}，低于底线 {walk_away}：不跟降" },
	{ "no get is worth the step of {short_give}: the ladder stops at {end}",
	  "没有值得交换 {short_give} 的条件：阶梯停在 {end}" },
	{ "the ladder closes at {end}, {close_gap} above the optimal {optimal}, "
	  "with {competitor_name} at {competitor}: that gap is won on value, not "
	  "conceded", "阶梯收于 {end}，比最优型 {optimal} 高 {close_gap}（"
	  "{competitor_name} {competitor}）：差额靠价值赢得，不靠让价" },
};

/* What each get asks for, sized ({ask}). */
static const struct words get_text[NGETS] = {
	{ "{ask}% of the price paid at signing, not after {terms_days} days "
	  "(预付款)", "预付款：签约时付 {ask}%，不等 {terms_days} 天账期" },
	{ "payment {ask} days sooner: terms of {terms_after} days, not "
	  "{terms_days} (缩短账期)", "缩短账期 {ask} 天：{terms_days} 天改为 "
	  "{terms_after} 天" },
	{ "{ask}% more volume at this price (增加采购量)",
	  "增加采购量 {ask}%" },
	{ "a contract of {years_after} years, not {years} (延长合同期)",
	  "延长合同期：{years} 年改为 {years_after} 年" },
	{ "the right to cite them as a reference case (成功案例授权)",
	  "成功案例授权" },
};

/* The inputs that value each get. */
static const char *const get_inputs[NGETS] = {
	"", "", "", "years", "case_value"
};

static const struct role_words {
	struct words tactic, love, fear, answer;
} role_text[NROLES] = {
	{ { "Speak of results and strategy, briefly; our executive meets them "
	    "as a peer; ask for the decision on {quote}.", "谈结果与战略，简明"
	    "扼要；我方高管对等沟通；请其就 {quote} 拍板。" },
	  { "results they can show, and the credit for them",
	    "能拿得出手的业绩与功劳" },
	  { "a failed project on their watch", "项目在其任内失败" },
	  { "the results of {scope_o} with the risk on us: staged acceptance, "
	    "at {quote}.", "{scope_o}的成果，风险由我方承担：分阶段验收，价格 "
	    "{quote}。" } },
	{ { "Win with facts: specifications, tests, data; a technical "
	    "exchange; help them raise the bar to what {quote} buys.",
	    "用事实说话：参数、测试、数据；安排技术交流；引导将技术门槛提高到 "
	    "{quote} 所含的水平。" },
	  { "being right, technical excellence", "专业上的正确与卓越" },
	  { "blame for a technical failure they signed off",
	    "为其签字认可的技术失误背责" },
	  { "test data and a pilot of {scope_o} before the order at {quote}.",
	    "在 {quote} 下单之前，提供{scope_o}的测试数据与试点。" } },
	{ { "Expect pressure on price and terms: open at {opening}, concede "
	    "only down the ladder to {end} and only for a get; hold to "
	    "objective criteria.", "预期在价格和条款上施压：以 {opening} 开价，"
	    "只沿阶梯让到 {end}、有交换才让；坚持客观标准。" },
	  { "a saving they can report", "可汇报的采购节省" },
	  { "being seen to overpay, an audit", "被认为买贵了、被审计" },
	  { "every cut on paper with its get: {total_give} off {opening}, for "
	    "gets worth {total_value}.", "每一笔让步都与交换条件一同记录：自 "
	    "{opening} 让 {total_give}，换回价值 {total_value}。" } },
	{ { "They live with it: show how {scope_o} eases their daily work, "
	    "gather their requirements and objections, bring the delivery "
	    "people.", "他们天天使用：展示{scope_o}如何减轻日常工作，收集需求与"
	    "异议，交付人员参与。" },
	  { "easier daily work", "日常工作更省心" },
	  { "disruption and extra work while it changes",
	    "切换期间的混乱与额外工作" },
	  { "{scope_o} with a named contact and training, at {quote}.",
	    "{scope_o}，配专人对接与培训，价格 {quote}。" } },
};

/* The fox when there is no ladder to walk down. */
static const struct role_words fox_hold = {
	{ "Expect pressure on price and terms: open at {quote} and hold it; "
	  "answer with scope (basic at {basic}), not with price.",
	  "预期在价格和条款上施压：以 {quote} 开价并守住；以范围回应（基础型 "
	  "{basic}），而不是降价。" },
	{ "", "" }, { "", "" },
	{ "the price of each scope on paper, {reference}, {quote} and "
	  "{basic}: a saving is a smaller scope, never a cut for nothing.",
	  "三套范围的价格白纸黑字：{reference}、{quote}、{basic}；要节省就缩小"
	  "范围，没有无交换的降价。" },
};

static const struct words rating_advice[NRATINGS] = {
	{ "Bring references and peers' cases; invite them to a customer we "
	  "serve.", "提供客户证言与同行案例；邀请参观标杆客户。" },
	{ "Show the service plan: response times, one named contact, the "
	  "escalation path.", "展示服务方案：响应时限、专人对接、升级路径。" },
	{ "Show their gain in figures: savings, return, a clear and stable "
	  "price policy.", "用数据展示客户收益：节省、回报、清晰稳定的价格政策。" },
	{ "Prove value for money: a trial, a test, the lifetime cost.",
	  "证明性价比：试用、测试、全周期成本。" },
	{ "Show hard strength: a visit to our company, qualifications, "
	  "financial standing, delivery record.",
	  "展示硬实力：考察公司、资质、财务状况、交付记录。" },
	{ "Field competent people: the expert in the meeting, certificates, "
	  "one stable team.", "派出专业人员：专家参会、资质证书、稳定团队。" },
};

/* What each value strategy means in this deal: [0] with the figures it
 * needs, [1] without them. */
static const struct words value_action[NVALUES][2] = {
	{ { "ours {life_ours} against theirs {life_theirs} over {years} years",
	    "{years} 年全周期：我方 {life_ours}，对方 {life_theirs}" },
	  { "weigh {quote} over the contract's life, not on the day",
	    "按合同全周期衡量 {quote}，而非当下价格" } },
	{ { "set the cost of their pain against the {price_gap} gap",
	    "用痛点的代价对比 {price_gap} 的差价" },
	  { "set the cost of their pain against {quote}",
	    "用痛点的代价对比 {quote}" } },
	{ { "write what {quote} buys into the specification",
	    "把 {quote} 所含的要求写进技术规格" },
	  { "write what {quote} buys into the specification",
	    "把 {quote} 所含的要求写进技术规格" } },
	{ { "price at most a third of the score: {quote} against "
	    "{competitor}", "价格权重不超过三分之一：{quote} 对 {competitor}" },
	  { "price at most a third of the score, at {quote}",
	    "价格权重不超过三分之一，我方 {quote}" } },
	{ { "add {added_r} rather than cut {quote}",
	    "以增加{added_r}代替把 {quote} 降价" },
	  { "add {added_r} rather than cut {quote}",
	    "以增加{added_r}代替把 {quote} 降价" } },
	{ { "the value of {years} years together beyond {quote}",
	    "{years} 年合作超出 {quote} 的价值" },
	  { "the value of a long partnership beyond {quote}",
	    "长期合作超出 {quote} 的价值" } },
	{ { "basic ({scope_b}) at {basic}", "基础型（{scope_b}）{basic}" },
	  { "basic ({scope_b}) at {basic}", "基础型（{scope_b}）{basic}" } },
	{ { "the reference scope as a bundle at {reference}",
	    "以产品组合提供参照型 {reference}" },
	  { "the reference scope as a bundle at {reference}",
	    "以产品组合提供参照型 {reference}" } },
};

/* ---- the plan of one deal ---- */

struct ctx {
	const struct deal_doc *doc;
	const struct deal *d;
	const struct deal_plan *pl;
	const struct prose_ctx *pc;
	struct arena a;
	int zh;
	int role[NROLES], nrole;
	int rating[NRATINGS], nrating;
	int element[NELEMENTS], nelement;
};

static const char *
dup(struct ctx *c, const char *s, size_t n)
{
	return arena_dup(&c->a, s, n);
}

static const char *
dups(struct ctx *c, const char *s)
{
	return dup(c, s, strlen(s));
}

/* Text of the input, for Markdown: on one line, the characters Markdown
 * would read escaped (a '|' would split a table cell). */
static const char *
esc(struct ctx *c, const char *p, size_t n)
{
	size_t m;
	/* (no control character from the data in text for people: SPEC 1.9) */
	char *t = utf8_term_nl(p, n, " ", &m);
	char *s = arena_alloc(&c->a, 2 * m + 1), *o = s;

	for (size_t i = 0; i < m; i++) {
		char ch = t[i];
		if (ch != '\0' && strchr("\\`*_[]<>|#~{}", ch))
			*o++ = '\\';
		*o++ = ch;
	}
	*o = '\0';
	free(t);
	return s;
}

static const char *
money(struct ctx *c, int64_t v)
{
	char buf[MONEY_BUFSZ];

	money_format(buf, v, c->d->dec, 1);
	return dups(c, buf);
}

static const char *
integer(struct ctx *c, long long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", v);
	return dups(c, buf);
}

static const char *
fixed(struct ctx *c, int64_t v, int scale)
{
	char buf[48];

	fixed_format(buf, v, scale, 0);
	return dups(c, buf);
}

/* NUM / DEN as a percentage with 1 decimal. */
static const char *
percent(struct ctx *c, i128 num, i128 den)
{
	char buf[48];
	int64_t v = 0;

	if (den != 0)
		div128_round(num * 1000, den, &v);
	fixed_format(buf, v, 1, 0);
	return dups(c, buf);
}

/* A margin (0.125) as a percentage (12.5), no trailing zeros. */
static const char *
margin(struct ctx *c, const struct decimal *m)
{
	char buf[48];
	size_t n;

	if (m->scale >= 2)
		fixed_format(buf, m->num, m->scale - 2, 0);
	else
		fixed_format(buf, m->num * (m->scale ? 10 : 100), 0, 0);
	n = strlen(buf);
	if (strchr(buf, '.')) {
		while (n > 0 && buf[n - 1] == '0')
			buf[--n] = '\0';
		if (n > 0 && buf[n - 1] == '.')
			buf[--n] = '\0';
	}
	return dups(c, buf);
}

/* The course's word, with its English in an English plan. */
static const char *
term(struct ctx *c, const struct deal_label *l)
{
	struct prose_out o = { NULL, 0, 0 };
	const char *s;

	if (c->zh)
		return l->zh;
	prose_put(&o, l->zh, strlen(l->zh));
	prose_put(&o, " ", 1);
	prose_put(&o, l->en, strlen(l->en));
	s = dup(c, o.p, o.n);
	prose_free(&o);
	return s;
}

/* Expand one of the tables' texts for item I of EACH. */
static const char *
expand(struct ctx *c, const struct words *w, int each, int i)
{
	struct prose_out o = { NULL, 0, 0 };
	const char *s;

	prose_expand(&o, c->zh ? w->zh : w->en, c->pc, each, i);
	s = o.p ? dup(c, o.p, o.n) : "";
	prose_free(&o);
	return s;
}

static const char *
sep(const struct ctx *c)
{
	return c->zh ? "、" : ", ";
}

/* The items of a scope, named for people; WHICH: 0 all, those added to
 * the list scope marked '+' (for the offers' table), 2 all unmarked, 1
 * those it adds to optimal, -1 the list scope's items that basic leaves
 * out. */
static const char *
items(struct ctx *c, int offer, int which)
{
	const struct scope *s = &c->doc->scope[offer];
	const struct scope *o = &c->doc->scope[OFFER_OPTIMAL];
	const struct scope *from = which < 0 ? o : s;
	struct prose_out out = { NULL, 0, 0 };
	const char *r;
	int n = 0;

	for (int i = 0; i < from->n; i++) {
		const struct scope_item *x = &from->it[i];
		const char *name;
		if (which == 1) {
			int in = 0;
			for (int j = 0; j < o->n; j++)
				in |= o->it[j].n == x->n &&
				    memcmp(o->it[j].p, x->p, x->n) == 0;
			if (in)
				continue;
		}
		if (which < 0) {
			int in = 0;
			for (int j = 0; j < s->n; j++)
				in |= s->it[j].n == x->n &&
				    memcmp(s->it[j].p, x->p, x->n) == 0;
			if (in || x->added)
				continue;
		}
		if (n++)
			prose_put(&out, sep(c), strlen(sep(c)));
		if (which == 0 && x->added)
			prose_put(&out, "+ ", 2);
		name = x->item >= 0 ? (c->zh ? deal_items[x->item].l.zh :
		    deal_items[x->item].l.en) : esc(c, x->p, x->n);
		prose_put(&out, name, strlen(name));
	}
	if (n == 0)
		return c->zh ? "无" : "nothing";
	r = dup(c, out.p, out.n);
	prose_free(&out);
	return r;
}

static const char *
competitor_name(struct ctx *c)
{
	const struct text *t = &c->doc->competitor;

	if (t->n)
		return esc(c, t->p, t->n);
	return c->zh ? "竞品" : "the competitor";
}

/* The attributes (of weight above zero) we lead (1), they lead (-1). */
static const char *
attrs_led(struct ctx *c, int which)
{
	struct prose_out o = { NULL, 0, 0 };
	const char *r;
	int n = 0;

	for (int i = 0; i < c->doc->nattr; i++) {
		const struct rival_attr *a = &c->doc->attr[i];
		int lead = a->ours > a->theirs ? 1 : a->ours < a->theirs ? -1 : 0;
		const char *name;
		if (a->weight == 0 || lead != which)
			continue;
		if (n++)
			prose_put(&o, sep(c), strlen(sep(c)));
		name = esc(c, a->name, strlen(a->name));
		prose_put(&o, name, strlen(name));
	}
	if (n == 0)
		return c->zh ? "无" : "nothing";
	r = dup(c, o.p, o.n);
	prose_free(&o);
	return r;
}

/* The attributes by weight, heaviest first. */
static const char *
priorities(struct ctx *c)
{
	int n = c->doc->nattr, *order = arena_alloc(&c->a, (size_t)n *
	    sizeof(int) + 1);
	struct prose_out o = { NULL, 0, 0 };
	const char *r;

	for (int i = 0; i < n; i++) {
		int j = i;
		while (j > 0 && c->doc->attr[order[j - 1]].weight <
		    c->doc->attr[i].weight) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = i;
	}
	for (int i = 0; i < n; i++) {
		const char *name = esc(c, c->doc->attr[order[i]].name,
		    strlen(c->doc->attr[order[i]].name));
		if (i)
			prose_put(&o, " > ", 3);
		prose_put(&o, name, strlen(name));
	}
	r = o.p ? dup(c, o.p, o.n) : "";
	prose_free(&o);
	return r;
}

/* A number of the comparison (x RIVAL_SCALE) as written, 4 decimals at
 * most, no trailing zeros. */
static const char *
rival_number(struct ctx *c, int64_t v)
{
	char buf[48];
	size_t n;

	fixed_format(buf, v, 4, 0);
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n > 0 && buf[n - 1] == '.')
		buf[--n] = '\0';
	return dups(c, buf);
}

static const char *
rung_why(struct ctx *c)
{
	static const struct words why[NRUNGS] = {
		{ "only we have {unique}.", "只有我方具备{unique}。" },
		{ "our weighted score, {rival_ours}, is the higher.",
		  "我方加权得分 {rival_ours} 更高。" },
		{ "our {optimal} is below their {competitor}.",
		  "我方 {optimal} 低于对方 {competitor}。" },
		{ "we lead on {nlead} attributes, they on {nlag}: {leads}.",
		  "我方领先 {nlead} 项，对方领先 {nlag} 项：{leads}。" },
		{ "where we lead: {leads}.", "我方领先之处：{leads}。" },
		{ "they are as good or better everywhere, {rival_theirs} against "
		  "{rival_ours}: sell on hard strength, the company, its "
		  "guarantees, the contract (公司—硬实力).", "对方处处不弱，"
		  "{rival_theirs} 比 {rival_ours}：以硬实力取胜——公司实力、保障、"
		  "合同条款（公司—硬实力）。" },
	};

	return expand(c, &why[c->pl->rung], 0, -1);
}

static const char *
unique_attrs(struct ctx *c)
{
	struct prose_out o = { NULL, 0, 0 };
	const char *r;
	int n = 0;

	for (int i = 0; i < c->doc->nattr; i++) {
		const struct rival_attr *a = &c->doc->attr[i];
		const char *name;
		if (a->weight == 0 || a->theirs != 0 || a->ours <= 0)
			continue;
		if (n++)
			prose_put(&o, sep(c), strlen(sep(c)));
		name = esc(c, a->name, strlen(a->name));
		prose_put(&o, name, strlen(name));
	}
	r = o.p ? dup(c, o.p, o.n) : "";
	prose_free(&o);
	return r;
}

static const char *
rung_ladder(struct ctx *c)
{
	struct prose_out o = { NULL, 0, 0 };
	const char *r;

	for (int i = 0; i < NRUNGS; i++) {
		if (i)
			prose_put(&o, " → ", strlen(" → "));
		if (i == c->pl->rung)
			prose_put(&o, "**", 2);
		prose_put(&o, deal_rungs[i].zh, strlen(deal_rungs[i].zh));
		if (i == c->pl->rung)
			prose_put(&o, "**", 2);
	}
	r = dup(c, o.p, o.n);
	prose_free(&o);
	return r;
}

/* What the deal lacks the inputs to value: prepayment and shorter terms
 * (terms_days, --cost-rate), a longer contract (years), a reference case
 * (case_value). */
static const char *
unknown_gets(struct ctx *c)
{
	static const struct deal_label money = { "", "预付款、缩短账期",
		"prepayment and shorter terms" };
	struct prose_out o = { NULL, 0, 0 };
	unsigned u = c->pl->gets_unknown;
	const char *r;
	int n = 0;

	for (int g = GET_TERMS; g < NGETS; g++) {
		const struct deal_label *l = g == GET_TERMS ? &money : &deal_gets[g];
		const char *t = c->zh ? l->zh : l->en, *in = get_inputs[g];
		if (!(u & (1u << g)))
			continue;
		if (g == GET_TERMS)
			in = c->d->terms_days < 0 && !c->doc->has_cost_rate ?
			    "terms_days, --cost-rate" : c->d->terms_days < 0 ?
			    "terms_days" : "--cost-rate";
		if (n++)
			prose_put(&o, c->zh ? "；" : "; ", strlen(c->zh ? "；" : "; "));
		prose_put(&o, t, strlen(t));
		prose_put(&o, c->zh ? "（" : " (", strlen(c->zh ? "（" : " ("));
		prose_put(&o, in, strlen(in));
		prose_put(&o, c->zh ? "）" : ")", strlen(c->zh ? "）" : ")"));
	}
	r = o.p ? dup(c, o.p, o.n) : "";
	prose_free(&o);
	return r;
}

static const char *
case_line(struct ctx *c, int i)
{
	const struct case_rec *k = c->doc->cases[i];
	char one[1];
	size_t n = case_text(k, c->zh, one, sizeof(one));
	char *buf = arena_alloc(&c->a, n + 1);

	case_text(k, c->zh, buf, n + 1);
	return esc(c, buf, n);
}

static const char *
case_names(struct ctx *c)
{
	struct prose_out o = { NULL, 0, 0 };
	const char *r;

	for (int i = 0; i < c->doc->ncases; i++) {
		const struct case_rec *k = c->doc->cases[i];
		const char *name = k->reference_ok ? esc(c, k->customer,
		    strlen(k->customer)) : (c->zh ? "一家未具名客户" :
		    "a customer not to be named");
		if (i)
			prose_put(&o, sep(c), strlen(sep(c)));
		prose_put(&o, name, strlen(name));
	}
	r = o.p ? dup(c, o.p, o.n) : "";
	prose_free(&o);
	return r;
}

/* What the closest cases have in common with the deal. */
static const char *
case_basis(struct ctx *c)
{
	struct prose_out o = { NULL, 0, 0 };
	const struct deal_doc *doc = c->doc;
	const char *w[3], *r;
	int n = 0;

	if (doc->industry.n)
		w[n++] = c->zh ? "行业" : "industry";
	if (c->d->reason != REASON_NONE)
		w[n++] = c->zh ? "降价原因" : "reason";
	if (c->d->roles)
		w[n++] = c->zh ? "谈判对象" : "roles";
	for (int i = 0; i < n; i++) {
		if (i)
			prose_put(&o, sep(c), strlen(sep(c)));
		prose_put(&o, w[i], strlen(w[i]));
	}
	r = o.p ? dup(c, o.p, o.n) : "";
	prose_free(&o);
	return r;
}

static const char *
team(struct ctx *c)
{
	struct prose_out o = { NULL, 0, 0 };
	const char *r, *t = term(c, &deal_team[TEAM_ACCOUNT]);

	prose_put(&o, t, strlen(t));
	for (int i = 0; i < NROLES; i++)
		if (c->d->roles & (1u << i)) {
			t = term(c, &deal_team[deal_role_team[i]]);
			prose_put(&o, sep(c), strlen(sep(c)));
			prose_put(&o, t, strlen(t));
		}
	r = dup(c, o.p, o.n);
	prose_free(&o);
	return r;
}

/* Why a value strategy scored what it did: the rules that applied. */
static const char *
value_why(struct ctx *c, int v)
{
	struct prose_out o = { NULL, 0, 0 };
	const char *r;
	int n = 0;

	for (size_t k = 0; k < deal_nvrules; k++) {
		const struct deal_vrule *x = &deal_vrules[k];
		char pts[16];
		const char *l;
		if (x->value != v || x->cond == DC_ALWAYS ||
		    !(c->pl->conds & (1u << x->cond)))
			continue;
		if (n++)
			prose_put(&o, c->zh ? "；" : "; ", strlen(c->zh ? "；" : "; "));
		l = c->zh ? deal_dconds[x->cond].zh : deal_dconds[x->cond].en;
		prose_put(&o, l, strlen(l));
		snprintf(pts, sizeof(pts), " %+d", x->points);
		prose_put(&o, pts, strlen(pts));
	}
	if (n == 0)
		return "—";
	r = dup(c, o.p, o.n);
	prose_free(&o);
	return r;
}

static const char *
missing_fields(struct ctx *c, int e)
{
	struct prose_out o = { NULL, 0, 0 };
	unsigned m = deal_elements[e].needs & c->pl->missing;
	const char *r;
	int n = 0;

	for (int k = 0; k < NMISSING; k++)
		if (m & (1u << k)) {
			if (n++)
				prose_put(&o, ", ", 2);
			prose_put(&o, "`", 1);
			prose_put(&o, deal_missing[k], strlen(deal_missing[k]));
			prose_put(&o, "`", 1);
		}
	r = o.p ? dup(c, o.p, o.n) : "";
	prose_free(&o);
	return r;
}

/* The roots rated 4 or 5, with their ratings. */
static const char *
strong(struct ctx *c)
{
	struct prose_out o = { NULL, 0, 0 };
	const char *r;
	int n = 0;

	for (int k = 0; k < c->nrating; k++) {
		int i = c->rating[k];
		char v[8];
		const char *t;
		if (c->d->rating[i] <= 3)
			continue;
		if (n++)
			prose_put(&o, sep(c), strlen(sep(c)));
		t = term(c, &deal_ratings[i]);
		prose_put(&o, t, strlen(t));
		snprintf(v, sizeof(v), " %d", c->d->rating[i]);
		prose_put(&o, v, strlen(v));
	}
	r = o.p ? dup(c, o.p, o.n) : "";
	prose_free(&o);
	return r;
}

/* The price we quote for the optimal scope: the ladder's opening; with
 * value-only (no ladder), the optimal price we hold. */
static int64_t
quote(const struct deal_plan *pl)
{
	return pl->flags & (1u << FLAG_VALUE_ONLY) ? pl->price[OFFER_OPTIMAL] :
	    pl->opening;
}

/* Where we stop: the ladder's end; with value-only, the optimal we hold. */
static int64_t
stop(const struct deal_plan *pl)
{
	return pl->flags & (1u << FLAG_VALUE_ONLY) ? pl->price[OFFER_OPTIMAL] :
	    pl->end;
}

static int64_t
total(const struct deal_plan *pl, int value)
{
	int64_t t = 0;

	for (int i = 0; i < pl->nsteps; i++)
		t += value ? pl->step[i].value : pl->step[i].give;
	return t;
}

/* ---- what holds, how many, what each placeholder says ---- */

static int
holds(void *arg, int cond, int each, int i)
{
	const struct ctx *c = arg;
	const struct deal *d = c->d;
	const struct deal_plan *pl = c->pl;
	unsigned f = pl->flags;
	int steps = pl->nsteps > 0, shrt = (f & (1u << FLAG_LADDER_SHORT)) != 0,
	    vonly = (f & (1u << FLAG_VALUE_ONLY)) != 0;
	int noneed = !steps && !shrt && !vonly;
	int budget_covers = d->has_budget && d->budget >= pl->opening;
	int premiums = pl->has_ceiling;
	int end_budget = steps && !shrt && d->has_budget && pl->end == d->budget;
	int unknown = shrt && pl->gets_unknown != 0;

	switch (cond) {
	case C_CURRENCY: return c->doc->currency.n > 0;
	case C_BUDGET: return d->has_budget;
	case C_COMP_PRICE: return d->has_competitor_price;
	case C_DECISION: return pl->has_days;
	case C_FLAGS:
		return each == L_FLAGS ? (f & (1u << i)) != 0 : f != 0;
	case C_BOUND_TARGET: return pl->bound_by == BOUND_TARGET;
	case C_BOUND_LIST:
		return pl->bound_by == BOUND_LIST && !(f & (1u << FLAG_LIST_LOW));
	case C_LIST_LOW: return (f & (1u << FLAG_LIST_LOW)) != 0;
	case C_BOUND_BUDGET: return pl->bound_by == BOUND_BUDGET;
	case C_BOUND_COMP: return pl->bound_by == BOUND_COMPETITOR;
	case C_BOUND_WALK: return pl->bound_by == BOUND_WALK_AWAY;
	case C_LIFE_POS:
		return premiums && pl->has_life_premium && pl->life_premium >= 0;
	case C_LIFE_NEG:
		return premiums && pl->has_life_premium && pl->life_premium < 0;
	case C_RIVAL_UP:
		return premiums && pl->has_rival_premium && pl->rival_premium >= 0;
	case C_RIVAL_DOWN:
		return premiums && pl->has_rival_premium && pl->rival_premium < 0;
	case C_RIVAL_UNBOUNDED:
		return d->has_competitor_price && pl->rival_unbounded;
	case C_PREMIUMS:
		return premiums && (pl->has_life_premium || pl->has_rival_premium);
	case C_PREMIUM_UP:
	case C_PREMIUM_DOWN:
		return premiums && (pl->has_life_premium ||
		    pl->has_rival_premium) &&
		    (pl->premium >= 0) == (cond == C_PREMIUM_UP);
	case C_PREMIUM_TWO_UP:
	case C_PREMIUM_TWO_DOWN:
		return premiums && pl->has_life_premium && pl->has_rival_premium &&
		    (pl->premium >= 0) == (cond == C_PREMIUM_TWO_UP);
	case C_PREMIUM_ONE:
		return premiums && pl->has_life_premium != pl->has_rival_premium;
	case C_QUOTE: return steps;
	case C_ABOVE: return (f & (1u << FLAG_CLOSE_ABOVE)) != 0;
	case C_PLAN_ADJUST: return (f & (1u << FLAG_PLAN_ADJUST)) != 0;
	case C_BASIC_FITS:
		return (f & (1u << FLAG_PLAN_ADJUST)) &&
		    d->budget >= pl->price[OFFER_BASIC];
	case C_BASIC_OVER:
		return (f & (1u << FLAG_PLAN_ADJUST)) &&
		    d->budget < pl->price[OFFER_BASIC];
	case C_STEPS: return steps;
	case C_END_BUDGET: return end_budget;
	case C_END_OPTIMAL:
		return steps && !shrt && !end_budget &&
		    pl->end == pl->price[OFFER_OPTIMAL];
	case C_SHORT: return shrt;
	case C_VALUE_ONLY: return vonly;
	case C_NONEED_BUDGET: return noneed && budget_covers;
	case C_NONEED_COMP:
		return noneed && !budget_covers && d->has_competitor_price &&
		    d->competitor >= pl->opening;
	case C_NONEED_LIST:
		return noneed && !budget_covers && !(d->has_competitor_price &&
		    d->competitor >= pl->opening);
	case C_HAD_CONTRACT: return (pl->gets_had & (1u << GET_CONTRACT)) != 0;
	case C_HAD_TERMS: return (pl->gets_had & (1u << GET_TERMS)) != 0;
	case C_HAD_CASE: return (pl->gets_had & (1u << GET_CASE)) != 0;
	case C_UNKNOWN_GETS: return unknown;
	case C_GETS_NOTE: return pl->gets_had != 0 || unknown;
	case C_REASON: return d->reason != REASON_NONE;
	case C_RISK: return d->reason == REASON_RISK;
	case C_COMPETITOR: return d->reason == REASON_COMPETITOR;
	case C_COMPETITOR_LIFE:
		return d->reason == REASON_COMPETITOR && pl->has_life;
	case C_COMPETITOR_NOLIFE:
		return d->reason == REASON_COMPETITOR && !pl->has_life;
	case C_BUDGET_R: return d->reason == REASON_BUDGET;
	case C_KPI: return d->reason == REASON_KPI;
	case C_KPI_STEPS: return d->reason == REASON_KPI && steps;
	case C_PERSONAL: return d->reason == REASON_PERSONAL;
	case C_CASUAL: return d->reason == REASON_CASUAL;
	case C_CASUAL_STEPS: return d->reason == REASON_CASUAL && steps;
	case C_CASES: return c->doc->ncases > 0;
	case C_RISK_CASES:
		return d->reason == REASON_RISK && c->doc->ncases > 0;
	case C_RISK_NO_CASES:
		return d->reason == REASON_RISK && c->doc->ncases == 0;
	case C_NOT_CHEAPER: return !pl->cheaper;
	case C_LIFE: return pl->has_life;
	case C_NO_STEPS_S: return !steps;
	case C_CHEAPER: return pl->cheaper;
	case C_BELOW_OPTIMAL:
		return d->has_competitor_price &&
		    d->competitor < pl->price[OFFER_OPTIMAL];
	case C_BELOW_CLOSE:
		return d->has_competitor_price &&
		    d->competitor >= pl->price[OFFER_OPTIMAL] &&
		    d->competitor < stop(pl);
	case C_CLAIMED_PRICE:
		return d->has_competitor_price && d->competitor >= stop(pl);
	case C_CLAIMED: return !d->has_competitor_price;
	case C_LIFE_WIN: return pl->has_life && pl->life_ours <= pl->life_theirs;
	case C_LIFE_LOSE: return pl->has_life && pl->life_ours > pl->life_theirs;
	case C_RIVAL: return pl->rung >= 0 && c->doc->nattr > 0;
	case C_ROLES: return d->roles != 0;
	case C_TIMING:
		return d->conditions >= 0 || d->objections >= 0 || pl->has_days;
	case C_COND_YES: return d->conditions == 1;
	case C_OBJ_YES: return d->objections == 1;
	case C_NOT_YET: return d->conditions == 0 && d->objections == 0;
	case C_UNKNOWN_T:
		return d->conditions != 1 && d->objections != 1 &&
		    !(d->conditions == 0 && d->objections == 0);
	case C_AHEAD: return pl->has_days && pl->days_to_decision >= 0;
	case C_LATE: return pl->has_days && pl->days_to_decision < 0;
	case C_RATED: return pl->weakest >= 0;
	case C_CONFIDENCE: return pl->confidence >= 0;
	case C_TRUST: return pl->trust >= 0;
	case C_HALFWAY:
		return d->has_budget && d->budget < stop(pl) &&
		    d->budget >= pl->walk_away;
	case C_NO_HALFWAY:
		return !(d->has_budget && d->budget < stop(pl) &&
		    d->budget >= pl->walk_away);
	case C_TODO: return c->nelement > 0;
	case C_WEAK:
		return each == L_RATINGS ? c->d->rating[c->rating[i]] <= 3 :
		    c->nrating > 0 && c->d->rating[c->rating[0]] <= 3;
	case C_STRONG:
		return c->nrating > 0 && c->d->rating[c->rating[c->nrating - 1]] > 3;
	}
	return 0;
}

static int
count(void *arg, int each)
{
	const struct ctx *c = arg;

	switch (each) {
	case L_FLAGS: return NFLAGS;
	case L_OFFERS: return NOFFERS;
	case L_STEPS: return c->pl->nsteps;
	case L_VALUES: return NVALUES;
	case L_ROLES: return c->nrole;
	case L_ATTRS: return c->doc->nattr;
	case L_CASES: return c->doc->ncases;
	case L_RATINGS: return c->nrating;
	case L_ELEMENTS: return c->nelement;
	}
	return 0;
}

/* The placeholders of the lists' items. */
static const char *
item_var(void *arg, const char *k, int each, int i)
{
	struct ctx *c = arg;
	const struct deal_plan *pl = c->pl;

	switch (each) {
	case L_FLAGS:
		if (strcmp(k, "flag_code") == 0)
			return deal_flags[i].code;
		if (strcmp(k, "flag_text") == 0)
			return expand(c, &flag_text[i], 0, -1);
		break;
	case L_OFFERS: {
		int o = NOFFERS - 1 - i;	/* reference first */
		if (strcmp(k, "offer") == 0)
			return term(c, &deal_offers[o]);
		if (strcmp(k, "offer_scope") == 0)
			return items(c, o, 0);
		if (strcmp(k, "offer_price") == 0)
			return money(c, pl->price[o]);
		if (strcmp(k, "offer_margin") == 0)
			return percent(c, (i128)pl->price[o] - c->d->offer[o].cost,
			    c->d->offer[o].cost);
		break;
	}
	case L_STEPS: {
		const struct deal_step *s = &pl->step[i];
		if (strcmp(k, "i") == 0)
			return integer(c, i + 1);
		if (strcmp(k, "give") == 0)
			return money(c, s->give);
		if (strcmp(k, "price_after") == 0)
			return money(c, s->price);
		if (strcmp(k, "get") == 0)
			return expand(c, &get_text[s->get], L_STEPS, i);
		if (strcmp(k, "value") == 0)
			return money(c, s->value);
		if (strcmp(k, "ask") == 0)
			return integer(c, s->ask);
		if (strcmp(k, "terms_after") == 0)
			return integer(c, c->d->terms_days - s->ask);
		if (strcmp(k, "years_after") == 0)
			return integer(c, c->d->years + s->ask);
		break;
	}
	case L_VALUES: {
		int v = pl->vrank[i], full;
		if (strcmp(k, "rank") == 0)
			return integer(c, i + 1);
		if (strcmp(k, "value") == 0)
			return term(c, &deal_values[v]);
		if (strcmp(k, "score") == 0)
			return integer(c, pl->vscore[v]);
		if (strcmp(k, "why") == 0)
			return value_why(c, v);
		if (strcmp(k, "action") != 0)
			break;
		full = v == VAL_LIFECYCLE ? pl->has_life :
		    v == VAL_PAIN ? c->d->has_competitor_price &&
		    c->d->competitor < stop(pl) :
		    v == VAL_WEIGHT ? c->d->has_competitor_price :
		    v == VAL_PARTNER ? c->d->years > 0 : 1;
		return expand(c, &value_action[v][!full], 0, -1);
	}
	case L_ROLES: {
		int r = c->role[i];
		const struct role_words *w = &role_text[r];
		const struct role_words *h = r == ROLE_FOX && pl->nsteps == 0 ?
		    &fox_hold : w;
		if (strcmp(k, "animal") == 0)
			return term(c, &deal_roles[r]);
		if (strcmp(k, "role") == 0)
			return term(c, &deal_role_names[r]);
		if (strcmp(k, "bring") == 0)
			return term(c, &deal_team[deal_role_team[r]]);
		if (strcmp(k, "tactic") == 0)
			return expand(c, &h->tactic, 0, -1);
		if (strcmp(k, "love") == 0)
			return expand(c, &w->love, 0, -1);
		if (strcmp(k, "fear") == 0)
			return expand(c, &w->fear, 0, -1);
		if (strcmp(k, "answer") == 0)
			return expand(c, &h->answer, 0, -1);
		break;
	}
	case L_ATTRS: {
		const struct rival_attr *a = &c->doc->attr[i];
		if (strcmp(k, "attr") == 0)
			return esc(c, a->name, strlen(a->name));
		if (strcmp(k, "weight") == 0)
			return rival_number(c, a->weight);
		if (strcmp(k, "ours") == 0)
			return rival_number(c, a->ours);
		if (strcmp(k, "theirs") == 0)
			return rival_number(c, a->theirs);
		if (strcmp(k, "lead") == 0)
			return a->weight == 0 ? (c->zh ? "不计" : "not weighed") :
			    a->ours > a->theirs ? (c->zh ? "我方" : "ours") :
			    a->ours < a->theirs ? (c->zh ? "对方" : "theirs") : "—";
		break;
	}
	case L_CASES:
		if (strcmp(k, "case") == 0)
			return case_line(c, i);
		break;
	case L_RATINGS: {
		int r = c->rating[i];
		if (strcmp(k, "root") == 0) {
			struct deal_label l = deal_ratings[r];
			struct prose_out o = { NULL, 0, 0 };
			const char *t = r < 3 ? (c->zh ? "信心：" : "信心 confidence: ") :
			    (c->zh ? "信任：" : "信任 trust: "), *s;
			prose_put(&o, t, strlen(t));
			t = term(c, &l);
			prose_put(&o, t, strlen(t));
			s = dup(c, o.p, o.n);
			prose_free(&o);
			return s;
		}
		if (strcmp(k, "rating") == 0)
			return integer(c, c->d->rating[r]);
		if (strcmp(k, "advice") == 0)
			return c->zh ? rating_advice[r].zh : rating_advice[r].en;
		break;
	}
	case L_ELEMENTS: {
		int e = c->element[i];
		if (strcmp(k, "element") == 0) {
			struct deal_label l = { "", deal_elements[e].zh,
			    deal_elements[e].en };
			return term(c, &l);
		}
		if (strcmp(k, "needs") == 0)
			return missing_fields(c, e);
		break;
	}
	}
	return NULL;
}

static const struct words kpi_give = {
	"{added_r}, as the reference has it at {reference}",
	"参照型所含的{added_r}（{reference}）"
};
static const struct words life_figures = {
	", lifetime {life_ours} against {life_theirs}",
	"，全周期 {life_ours} 比 {life_theirs}"
};

static const char *
date_text(struct ctx *c, int32_t z)
{
	char buf[16];

	date_format(buf, z);
	return dups(c, buf);
}

/* The placeholders of the deal. */
static const char *
deal_var(void *arg, const char *k, int each, int i)
{
	struct ctx *c = arg;
	const struct deal *d = c->d;
	const struct deal_plan *pl = c->pl;
	const struct deal_doc *doc = c->doc;
	enum { B = OFFER_BASIC, O = OFFER_OPTIMAL, R = OFFER_REFERENCE };

	(void)each, (void)i;	/* (item_var has the lists) */

#define IS(s) (strcmp(k, (s)) == 0)
	if (IS("customer"))
		return esc(c, doc->customer.p, doc->customer.n);
	if (IS("deal"))
		return esc(c, doc->deal.p, doc->deal.n);
	if (IS("currency"))
		return esc(c, doc->currency.p, doc->currency.n);
	if (IS("list"))
		return money(c, d->list);
	if (IS("cost"))
		return money(c, d->cost);
	if (IS("budget"))
		return money(c, d->budget);
	if (IS("competitor"))
		return d->has_competitor_price ? money(c, d->competitor) :
		    (c->zh ? "报价未知" : "price not given");
	if (IS("competitor_or_unknown"))
		return d->has_competitor_price ? money(c, d->competitor) :
		    (c->zh ? "报价未知" : "a price not given");
	if (IS("competitor_name"))
		return competitor_name(c);
	if (IS("competitor_at"))
		return !d->has_competitor_price ? "" : expand(c, &(struct words){
		    " at {competitor}", "（{competitor}）" }, 0, -1);
	if (IS("decision_date"))
		return date_text(c, d->decision_date);
	if (IS("as_of"))
		return date_text(c, doc->as_of);
	if (IS("days"))
		return integer(c, pl->days_to_decision);
	if (IS("days_ago"))
		return integer(c, -(long long)pl->days_to_decision);
	if (IS("basic"))
		return money(c, pl->price[B]);
	if (IS("optimal"))
		return money(c, pl->price[O]);
	if (IS("quote"))	/* our price in the room (one price story) */
		return money(c, quote(pl));
	if (IS("close_gap"))
		return money(c, stop(pl) - pl->price[O]);
	if (IS("close_gap_pct"))
		return percent(c, (i128)stop(pl) - d->competitor, stop(pl));
	if (IS("discount"))
		return money(c, -pl->premium);
	if (IS("rival_discount"))
		return money(c, -pl->rival_premium);
	if (IS("reference"))
		return money(c, pl->price[R]);
	if (IS("walk_away"))
		return money(c, pl->walk_away);
	if (IS("floor_o"))
		return money(c, pl->floor[O]);
	if (IS("cost_o"))
		return money(c, d->offer[O].cost);
	if (IS("cost_b"))
		return money(c, d->offer[B].cost);
	if (IS("min_margin"))
		return margin(c, &d->min_margin);
	if (IS("target_margin"))
		return margin(c, &d->target_margin);
	if (IS("margin_b"))
		return percent(c, (i128)pl->price[B] - d->offer[B].cost,
		    d->offer[B].cost);
	if (IS("scope_b"))
		return items(c, B, 2);
	if (IS("scope_o"))
		return items(c, O, 2);
	if (IS("removed"))
		return items(c, B, -1);
	if (IS("added_r"))
		return items(c, R, 1);
	if (IS("aim"))
		return money(c, pl->aim);
	if (IS("ceiling"))
		return money(c, pl->ceiling);
	if (IS("premium"))
		return money(c, pl->premium);
	if (IS("life_premium"))
		return money(c, pl->life_premium);
	if (IS("life_premium_abs"))
		return money(c, -pl->life_premium);
	if (IS("rival_premium"))
		return money(c, pl->rival_premium);
	if (IS("rival_ours") && d->rival)
		return fixed(c, d->rival->score_ours, 2);
	if (IS("rival_theirs") && d->rival)
		return fixed(c, d->rival->score_theirs, 2);
	if (IS("years"))
		return integer(c, d->years);
	if (IS("terms_days"))
		return integer(c, d->terms_days);
	if (IS("opex"))
		return money(c, d->opex);
	if (IS("competitor_opex"))
		return money(c, d->competitor_opex);
	if (IS("life_ours"))
		return money(c, pl->life_ours);
	if (IS("life_theirs"))
		return money(c, pl->life_theirs);
	if (IS("life_diff"))
		return money(c, pl->life_ours > pl->life_theirs ?
		    pl->life_ours - pl->life_theirs : pl->life_theirs -
		    pl->life_ours);
	if (IS("life_figures"))
		return pl->has_life ? expand(c, &life_figures, 0, -1) : "";
	if (IS("opening"))
		return money(c, pl->opening);
	if (IS("end"))
		return money(c, stop(pl));
	if (IS("short_give"))
		return money(c, pl->short_give);
	if (IS("nsteps"))
		return integer(c, pl->nsteps);
	if (IS("total_give"))
		return money(c, total(pl, 0));
	if (IS("total_value"))
		return money(c, total(pl, 1));
	if (IS("unknown_gets"))
		return unknown_gets(c);
	if (IS("reason"))
		return term(c, &deal_reasons[d->reason]);
	if (IS("strategy"))
		return deal_strategies[d->reason].zh;
	if (IS("strategy_en"))
		return c->zh ? deal_strategies[d->reason].code :
		    deal_strategies[d->reason].en;
	if (IS("ncases"))
		return integer(c, doc->ncases);
	if (IS("case_names"))
		return case_names(c);
	if (IS("case_basis"))
		return case_basis(c);
	if (IS("kpi_give"))
		return expand(c, &kpi_give, 0, -1);
	if (IS("first_give") && pl->nsteps)
		return money(c, pl->step[0].give);
	if (IS("first_get") && pl->nsteps)
		return expand(c, &get_text[pl->step[0].get], L_STEPS, 0);
	if (IS("gap_pct"))
		return percent(c, (i128)pl->price[O] - d->competitor, pl->price[O]);
	if (IS("price_gap"))	/* to the optimal, else to the close */
		return money(c, (d->competitor < pl->price[O] ? pl->price[O] :
		    stop(pl)) - d->competitor);
	if (IS("top_value"))
		return term(c, &deal_values[pl->vrank[0]]);
	if (IS("rung") && pl->rung >= 0)
		return deal_rungs[pl->rung].zh;
	if (IS("rung_en") && pl->rung >= 0)
		return c->zh ? deal_rungs[pl->rung].code : deal_rungs[pl->rung].en;
	if (IS("rung_why") && pl->rung >= 0)
		return rung_why(c);
	if (IS("rung_ladder"))
		return rung_ladder(c);
	if (IS("unique"))
		return unique_attrs(c);
	if (IS("nlead") && d->rival)
		return integer(c, d->rival->lead);
	if (IS("nlag") && d->rival)
		return integer(c, d->rival->lag);
	if (IS("leads"))
		return attrs_led(c, 1);
	if (IS("lags"))
		return attrs_led(c, -1);
	if (IS("priorities"))
		return priorities(c);
	if (IS("team"))
		return team(c);
	if (IS("confidence"))
		return fixed(c, pl->confidence, 1);
	if (IS("trust"))
		return fixed(c, pl->trust, 1);
	if (IS("weakest") && pl->weakest >= 0)
		return term(c, &deal_ratings[pl->weakest]);
	if (IS("weakest_rating") && pl->weakest >= 0)
		return integer(c, d->rating[pl->weakest]);
	if (IS("strong"))
		return strong(c);
	if (IS("halfway")) {
		int64_t h = 0;
		div128_round((i128)stop(pl) + d->budget, 2, &h);
		return money(c, h);
	}
#undef IS
	return NULL;
}

int
deal_doc_md(struct prose_out *o, const struct deal_doc *doc)
{
	struct ctx c;
	struct prose_ctx pc = { holds, count, deal_var, item_var, NULL,
	    doc->zh };
	int unknown;

	memset(&c, 0, sizeof(c));
	c.doc = doc;
	c.d = doc->d;
	c.pl = doc->pl;
	c.zh = doc->zh;
	c.pc = &pc;
	pc.arg = &c;
	for (int i = 0; i < NROLES; i++)
		if (c.d->roles & (1u << i))
			c.role[c.nrole++] = i;
	for (int r = 1; r <= 5; r++)	/* weakest first */
		for (int i = 0; i < NRATINGS; i++)
			if (c.d->rating[i] == r)
				c.rating[c.nrating++] = i;
	for (int e = 0; e < NELEMENTS; e++)
		if (deal_elements[e].needs & c.pl->missing)
			c.element[c.nelement++] = e;
	unknown = prose_render(o, sections, NELEM(sections), rows, NELEM(rows),
	    &pc);
	arena_free(&c.a);
	return unknown;
}
