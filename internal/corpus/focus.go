package corpus

import (
	"math/rand/v2"
	"strings"
)

// A focus description is one sentence from each of these slots ({name},
// {domain} and {tool1}…{tool4}, its function's tools, filled in), so
// that focuses read differently: two focuses never take the same sentence
// in every slot, and one different sentence changes a fifth of the words,
// which keeps any two descriptions well apart (duplicate-across warns
// about near copies across focuses, as it should about real ones).
var focusSlots = [6][10]string{
	{
		"{name} designs, builds and operates the {domain} systems ({tool1}, {tool2}) that product teams rely on.",
		"{name} owns the {domain} stack end to end, from {tool1} foundations to the {tool2} tooling around it.",
		"{name} engineers the {domain} capabilities that the rest of the company builds on, with {tool1} and {tool2} at their core.",
		"{name} keeps the {domain} estate fast, safe and cheap to change, running {tool1} and {tool2} in production.",
		"{name} turns the {domain} needs of the business into dependable services built on {tool1} and {tool2}.",
		"{name} is the engineering home of {domain}: its {tool1} services, its {tool2} workflows and their roadmap.",
		"{name} builds the shared {domain} layer, so product teams never have to assemble {tool1} or {tool2} themselves.",
		"{name} develops and runs the {domain} products, combining {tool1} with {tool2} where the work demands it.",
		"{name} delivers {domain} as an internal product: paved roads on {tool1}, guard rails in {tool2}.",
		"{name} carries the long-term {domain} architecture, deciding how {tool1} and {tool2} fit together.",
	},
	{
		"Its customers are the engineers who ship features every day.",
		"Checkout, onboarding and reporting all depend on what it runs.",
		"Regulators, auditors and finance read the records it produces.",
		"Mobile, web and partner channels call its interfaces millions of times an hour.",
		"Data scientists and analysts take its outputs as their ground truth.",
		"Support staff rely on it when a customer's problem lands on their desk.",
		"Every new market launch starts with a change in its systems.",
		"Sales engineering demos its features to the largest accounts.",
		"Other platform groups treat it as the dependency they trust most.",
		"Leadership uses its dashboards to steer quarterly planning.",
	},
	{
		"Unlike sibling focuses centred on incident response, it treats reliability as a design property.",
		"Where neighbouring focuses build features, this one builds the ground those features stand on.",
		"It differs from pure tooling roles by owning outcomes in production, not only the tools.",
		"Compared with research-oriented groups, it favours proven techniques shipped in small steps.",
		"It is not a support desk: requests become self-service products rather than tickets.",
		"Rather than owning one service, it sets the patterns dozens of services follow.",
		"It sits between product and infrastructure and speaks the language of both.",
		"Unlike consulting roles, its engineers carry a pager for what they build.",
		"It leaves user interfaces to others and concentrates on contracts, data and scale.",
		"Its remit stops where vendor-managed systems begin, and it manages that boundary deliberately.",
	},
	{
		"The scope covers {tool3} modules, {tool4} services and the shared foundations beneath them.",
		"Capacity planning, cost control and upgrades across {tool3} and {tool4} are part of the job.",
		"It curates the reference designs and templates that new {domain} services start from.",
		"It maintains the migration path away from legacy {domain} components still in use.",
		"Security reviews, access policies and audit evidence for {domain} are owned here.",
		"It runs the release train for {domain} changes, including rollback and recovery drills.",
		"Its engineers write the runbooks, alerts and service level objectives for {tool4}.",
		"It evaluates vendors and open-source options before anything joins the {domain} stack.",
		"Data contracts, schemas and retention rules for {domain} records are decided here.",
		"It operates the test environments where {tool3} changes are rehearsed before release.",
	},
	{
		"Success is measured in lead time, change failure rate and hours saved for other teams.",
		"It is judged on availability, latency at the tail and the cost of each transaction.",
		"Good years show fewer incidents, faster onboarding and simpler architecture diagrams.",
		"Progress shows up as retired systems, shorter queues and happier internal customers.",
		"Its health is read from error budgets, adoption of its products and audit findings closed.",
		"The measure is how quickly a new team can ship safely on top of it.",
		"Results are tracked through service scorecards reviewed every quarter.",
		"It counts wins in weeks of engineering effort other teams no longer spend.",
		"Quality is judged by how rarely customers notice anything at all.",
		"It reports on accuracy, freshness and completeness of what it serves.",
	},
	{
		"Work is planned in quarterly bets and reviewed in open design forums.",
		"Engineers pair often, write decisions down and review each other's changes within a day.",
		"Every change is automated, versioned and deployed through the same pipeline.",
		"The group runs blameless reviews and turns each lesson into a tracked improvement.",
		"It publishes a roadmap and holds office hours for the teams it serves.",
		"On-call is shared fairly, and toil is budgeted and paid down every cycle.",
		"Documentation is treated as part of the product, not an afterthought.",
		"It experiments in small increments and removes what does not earn its keep.",
		"Newcomers ship to production in their first week with a mentor beside them.",
		"It prefers boring technology and explains every exception in writing.",
	},
}

// focusDescription draws a sentence for each slot, never the same six as
// an earlier focus: used holds the combinations taken so far.
func focusDescription(rng *rand.Rand, used map[[6]uint8]bool, name, domain string, tools []string) string {
	var pick [6]uint8
	for {
		for i := range pick {
			pick[i] = uint8(rng.IntN(len(focusSlots[i])))
		}
		if !used[pick] {
			used[pick] = true
			break
		}
	}
	fill := strings.NewReplacer("{name}", name, "{domain}", domain,
		"{tool1}", tools[0], "{tool2}", tools[1], "{tool3}", tools[2], "{tool4}", tools[3])
	var b strings.Builder
	for i, p := range pick {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(fill.Replace(focusSlots[i][p]))
	}
	return b.String()
}
