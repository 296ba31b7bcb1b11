# Writes src/test/resources/eval/answers.jsonl, the labelled partner questions over the
# demo library (content-index/). Questions were written from reading the documents, as a
# partner would ask them; every other question goes to the tune part, the rest are held out.
import json

PG = "program/partner-program-guide.md"
TB = "program/tiers-and-benefits.md"
GL = "program/program-terms-glossary.txt"
OB = "program/onboarding-checklist.txt"
PS = "program/psat-survey.md"
SE = "program/support-and-escalation.md"
TC = "program/training-and-certification.md"
Q3 = "program/q3-2026-program-updates.html"
DF = "deals/deal-registration-faq.md"
DR = "deals/deal-registration-rules-of-engagement.md"
CS = "deals/co-selling-with-northwind-direct.md"
GP = "gold/gold-pricing-sheet.md"
GB = "gold/gold-partner-playbook.md"
PA = "platinum/platinum-advisory-council-and-early-access.md"
MP = "marketing/mdf-policy.md"
MC = "marketing/mdf-claim-how-to.md"
BG = "marketing/brand-and-co-marketing-guidelines.html"
AS = "products/analytics-suite-faq.md"
DP = "products/data-pipeline-faq.md"
DE = "products/demo-environment-and-nfr-licenses.md"
SG = "products/secure-gateway-faq.md"

Q = []


def q(category, tier, question, sources=(), facts=(), forbidden=(), prohibition=None, split=None):
    entry = {"category": category, "tier": tier, "question": question, "sources": list(sources),
             "facts": list(facts)}
    if split:
        entry["split"] = split
    if forbidden:
        entry["forbidden"] = list(forbidden)
    if prohibition:
        entry["prohibition"] = {"lead": prohibition[0], "item": prohibition[1]}
    Q.append(entry)


A = "answerable"
# deal registration
q(A, "Silver", "How long is a registered deal protected?", [DF, DR, GL], ["90 days"])
q(A, "Gold", "How do we get the 30-day extension on a deal registration?", [DF, DR], ["Request Extension", "last 15 days"])
q(A, "Silver", "What's the minimum deal size we can register?", [DF, DR, GL], ["$5,000"])
q(A, "Registered", "How far out can the expected close date be when I register a deal?", [DF, DR, GL], ["180 days"])
q(A, "Gold", "Can I register a deal with a named account?", [DF, DR], ["co-sell request"])
q(A, "Silver", "Can we register a renewal?", [DF, DR], ["partner of record"])
q(A, "Gold", "Another partner registered the same customer as us. Who wins?", [DF, DR, GL], ["earliest complete submission"])
q(A, "Silver", "How long does the channel manager take to approve a registration?", [DF, DR, GL], ["3 business days"])
q(A, "Gold", "Which currencies can deal registrations be in?", [DF, DR, Q3], ["CAD", "AUD"])
q(A, "Silver", "What happens when the protection on my registration expires?", [DF, DR], ["resubmit"])
q(A, "Gold", "If we registered Data Pipeline and another partner registered Secure Gateway for the same customer, is that a conflict?", [DF, DR], ["not a conflict"])
q(A, "Silver", "How do I appeal a rejected deal registration?", [DF, DR], ["5 business days"])
q(A, "Gold", "Does saving a draft registration hold our place in line?", [DF, DR], ["Drafts do not hold a place"])
q(A, "Platinum", "What does a co-sell decision on my registration mean?", [DF, DR, CS], ["account executive"])
q(A, "Silver", "What information do I need to register a deal?", [DF, DR], ["Customer legal name"])
q(A, "Gold", "What are the most common reasons a registration gets rejected?", [DF, DR], ["named account"])
# co-sell
q(A, "Silver", "What is the influence fee on Northwind-led co-sell deals?", [CS, PG, GL], ["8%"])
q(A, "Gold", "How much do influence deals count toward our annual won revenue?", [CS, TB, GL], ["50%"])
q(A, "Gold", "How quickly does an AE answer a co-sell request?", [CS], ["5 business days"])
q(A, "Silver", "How do I check whether a prospect is a named account?", [DR, CS, GL, DF, OB], ["Account Lookup"])
# tiers, discounts, margins
q(A, "Gold", "What discount does each tier get?", [TB, PG, GL, Q3], ["10%", "15%", "20%", "25%"])
q(A, "Silver", "What discount do we get?", [TB, PG, GL, Q3, OB], ["As a Silver partner", "15%"])
q(A, "Gold", "What's the registered deal margin for Platinum?", [TB, DF, PG, GL, DR, CS], ["30%"])
q(A, "Silver", "Do Silver partners get extra margin on registered deals?", [DF, TB], ["no extra margin"])
q(A, "Silver", "What does it take to become Silver?", [TB, PG, GL, OB], ["$100,000", "3.8"])
q(A, "Silver", "What do we need to reach Gold?", [TB, PG], ["$400,000", "4.0"])
q(A, "Gold", "What are the Platinum tier requirements?", [TB, PG], ["$1,500,000", "4.3"])
q(A, "Silver", "How long does an upgrade request take to be validated?", [PG, TB, OB, Q3], ["15 business days"])
q(A, "Silver", "Where in the portal do I request a tier upgrade?", [PG, TB, OB, Q3], ["Request Upgrade"])
q(A, "Gold", "When does the annual tier review happen?", [PG, TB, GL], ["January"])
q(A, "Registered", "Is there a fee to join the partner program?", [PG], ["No program fee"])
q(A, "Silver", "When does the program year start and end?", [PG, GL], ["January 1", "December 31"])
q(A, "Gold", "Can one person with both a sales and an engineering certification count twice?", [TB], ["only one"])
# training
q(A, "Gold", "How many free exam vouchers does a Gold partner get each year?", [TC, PG, TB, Q3], ["6"])
q(A, "Silver", "How much does the Secure Gateway Deployment Specialist exam cost?", [TC, PG], ["$200"])
q(A, "Registered", "Is the Certified Sales Professional exam free?", [TC, PG, GL], ["free"])
q(A, "Gold", "How long are Northwind certifications valid?", [TC], ["2 years"])
q(A, "Silver", "How long do I have to wait before retaking a failed exam?", [TC], ["7 days"])
q(A, "Gold", "When do unused exam vouchers expire?", [TC, Q3], ["December 31"])
q(A, "Silver", "Which courses make up the Analytics Suite engineer certification?", [TC, AS], ["Analytics Suite Fundamentals"])
q(A, "Gold", "How do we recertify before a certification expires?", [TC], ["delta exam"])
# support
q(A, "Gold", "What is the Severity 1 response time for Gold partners?", [SE], ["1 hour"])
q(A, "Silver", "What number do I call for a Sev1?", [SE], ["+1 800 555 0142"])
q(A, "Gold", "How do I escalate a support case that is stuck?", [SE], ["duty manager"])
q(A, "Silver", "Who provides first-line support to the customer?", [SE, AS, SG, DP], ["first-line support"])
q(A, "Silver", "What is the response target of the Partner Desk?", [SE], ["1 business day"])
q(A, "Gold", "What does Severity 2 mean?", [SE], ["Major function impaired"])
# PSAT
q(A, "Silver", "When is the PSAT survey sent to the customer?", [PS, OB], ["14 days"])
q(A, "Gold", "How is Partner NPS calculated?", [PS, GL], ["promoters"])
q(A, "Gold", "What is the minimum PSAT for Gold?", [PS, TB, PG, GL], ["4.0"])
q(A, "Platinum", "How many PSAT responses does Platinum need?", [PS, GL], ["10"])
q(A, "Silver", "How do I dispute a PSAT response that was about another partner?", [PS], ["30 days"])
q(A, "Gold", "Where do we see our PSAT results?", [PS], ["My Company > PSAT"])
# MDF
q(A, "Silver", "How much MDF do we get as Silver?", [TB, MP, GL], ["2% of won revenue", "$10,000", "50%"])
q(A, "Gold", "How long can we use MDF after it accrues?", [MP, TB, GL, MC], ["two quarters"])
q(A, "Silver", "When do I need pre-approval for an MDF activity?", [MP, MC, GL, Q3], ["$5,000"])
q(A, "Gold", "How long do I have to submit an MDF claim?", [MP, MC, GL], ["60 days"])
q(A, "Gold", "What proof of performance do I need for a webinar claim?", [MC, MP], ["attendance report"])
q(A, "Silver", "Can MDF pay for a webinar?", [MP, Q3], ["50%"])
q(A, "Gold", "How much of an event's cost does Northwind cover for a Gold partner?", [MP, TB, MC, GB], ["75%"])
q(A, "Silver", "How fast are approved MDF claims paid?", [MP, MC], ["30 days"])
q(A, "Gold", "Is catering at an event eligible for MDF?", [MP], ["$75 per attendee"])
q(A, "Gold", "How long does partner marketing take to review an MDF claim?", [MP, MC], ["10 business days"])
q(A, "Silver", "When do Q2 2026 MDF accruals expire?", [Q3], ["December 31, 2026"])
q(A, "Registered", "Do Registered partners get MDF?", [MP, TB, MC, OB, PG], ["Registered partners do not accrue MDF"])
# products
q(A, "Silver", "What's the list price of Analytics Suite Enterprise?", [AS], ["$75"])
q(A, "Silver", "Is there a free trial of Analytics Suite?", [AS], ["30-day trial"])
q(A, "Gold", "What is the uptime commitment for Secure Gateway?", [SG], ["99.99%"])
q(A, "Silver", "What's the minimum number of users for Secure Gateway?", [SG], ["50 users"])
q(A, "Gold", "What does Data Pipeline charge for overage?", [DP], ["$0.40 per GB"])
q(A, "Silver", "Can Data Pipeline reach databases on premises?", [DP], ["Pipeline Agent"])
q(A, "Silver", "In which regions is Analytics Suite hosted?", [AS, DP], ["Frankfurt"])
q(A, "Gold", "How long does a full Secure Gateway VPN replacement take?", [SG], ["2 to 4 weeks"])
q(A, "Silver", "What compliance certifications does Secure Gateway have?", [SG], ["SOC 2 Type II", "in process"])
q(A, "Registered", "Do I need to be certified to resell Secure Gateway?", [SG, TC], ["No certification is needed"])
q(A, "Silver", "Can a customer mix Analytics Suite editions in one tenant?", [AS], ["same edition"])
q(A, "Gold", "How are Analytics Suite viewer users priced?", [AS], ["40%"])
q(A, "Silver", "How many concurrent sessions can one Secure Gateway connector handle?", [SG], ["10,000"])
q(A, "Gold", "Can a Data Pipeline customer upgrade in the middle of the term?", [DP], ["prorated"])
# demo and NFR (Silver and up)
q(A, "Gold", "How many NFR users do Gold partners get for Analytics Suite?", [DE], ["25 users"])
q(A, "Silver", "How long does a Demo Cloud tenant last?", [DE, GL], ["14 days"])
q(A, "Silver", "How do I request NFR licenses?", [DE], ["Partner Admin"])
q(A, "Gold", "How do I launch a demo in the Demo Cloud?", [DE], ["New Demo"])
# marketing and brand
q(A, "Silver", "Who do I email with MDF questions?", [PG, SE, MP, MC, BG], ["partner-marketing@northwind.example"])
q(A, "Silver", "Where do I find the partner badge and brand assets?", [BG, OB], ["Brand Assets"])
q(A, "Gold", "How long does brand review take?", [BG], ["5 business days"])
q(A, "Silver", "What's the minimum size for the partner badge?", [BG], ["120 pixels"])
q(A, "Gold", "When is Northwind Connect 2026?", [Q3], ["October 13"])
q(A, "Silver", "When is the named account list refreshed?", [DR, GL, Q3], ["July 15"])
# gold and platinum, asked by their own tiers
q(A, "Gold", "What's our price for Analytics Suite Standard per user?", [GP], ["$36.00"])
q(A, "Gold", "What does a Gold partner pay for Secure Gateway Advanced?", [GP], ["$9.60"])
q(A, "Gold", "How many strategic target accounts can we nominate?", [GB, GL, TB], ["10"])
q(A, "Gold", "How much POC funding can we get per proof of concept?", [GB, GL, TB], ["$10,000"])
q(A, "Gold", "By when does our joint business plan need to be signed?", [GB, GL, TB], ["February 28"])
q(A, "Gold", "How quickly do we have to accept a shared lead?", [GB], ["48 hours"])
q(A, "Gold", "Can we get special pricing on a very large deal?", [GP, GB], ["$250,000"])
q(A, "Platinum", "How many seats does the Partner Advisory Council have?", [PA, GL], ["12"])
q(A, "Platinum", "How do we join the Early-Access Program?", [PA], ["Programs > Early Access"])
q(A, "Platinum", "Are early-access features covered by the support SLA?", [PA], ["not covered"])

P = "paraphrase"
q(P, "Silver", "how many days is my deal locked in after it gets approved", [DF, DR, GL], ["90 days"])
q(P, "Silver", "what cut do we get off list price as a silver reseller?", [TB, PG, GL, Q3, OB], ["15%"])
q(P, "Gold", "max marketing money a gold partner can build up in a year?", [TB, MP, GL, GB], ["$40,000"])
q(P, "Silver", "we failed the CSP exam, when can we try again?", [TC], ["7 days"])
q(P, "Platinum", "customer's whole production is down, how fast will you get back to us?", [SE], ["30 minutes"])
q(P, "Gold", "what's the longest a registration can stay protected if we extend it", [DF, DR, GL], ["120 days"])
q(P, "Silver", "is there a cost for the technical cert exams", [TC, PG], ["$150"])
q(P, "Silver", "who do we ping about deal reg questions", [PG, SE, DR, DF], ["deal-desk@northwind.example"])
q(P, "Gold", "how soon after we close does the customer get the satisfaction survey", [PS, OB], ["14 days"])
q(P, "Gold", "our webinar ended 70 days ago, can we still claim MDF for it?", [MP, MC], ["60 days"])
q(P, "Silver", "can we get knocked down a tier in the middle of the year if revenue drops", [PG, TB], ["90-day improvement plan"])
q(P, "Platinum", "how much does Northwind chip in on an event we run?", [MP, TB, MC], ["100%"])
q(P, "Silver", "smallest Analytics Suite order we can place?", [AS, GP], ["10 users"])
q(P, "Gold", "the customer wants to try Secure Gateway first, is that possible?", [SG], ["30-day trial"])
q(P, "Silver", "what should we do in our first month as a new partner?", [OB], ["Partner Agreement"])

X = "prohibition"
MAYNOT = "You may not"
q(X, "Silver", "Can we resell Secure Gateway to a federal agency?", [SG, BG], ["FedRAMP"],
  prohibition=(MAYNOT, "Describe FedRAMP authorization for Secure Gateway as complete"))
q(X, "Gold", "Can we say Secure Gateway is FedRAMP authorized in our marketing?", [BG, SG], ["FedRAMP"],
  prohibition=(MAYNOT, "Describe FedRAMP authorization for Secure Gateway as complete"))
q(X, "Gold", "Can we publish our partner discounts on our website?", [BG, GP], ["may not"],
  prohibition=(MAYNOT, "Publish Northwind partner price points or discounts"))
q(X, "Silver", "What can't MDF be used for?", [MP, MC], ["cannot be used"],
  prohibition=("MDF cannot be used for", "Salaries, commissions or internal staff time"))
q(X, "Silver", "Can I use MDF to pay for my sales team's travel to a trade show?", [MP, MC], ["Travel, hotels or meals"],
  prohibition=("MDF cannot be used for", "Travel, hotels or meals for your own employees"))
q(X, "Gold", "Can we buy alcohol for an MDF-funded customer event?", [MP], ["Alcohol"],
  prohibition=("MDF cannot be used for", "Alcohol, entertainment or sporting tickets"))
q(X, "Gold", "What are we not allowed to do with NFR tenants?", [DE], ["Reselling"],
  prohibition=("Not permitted", "Reselling, sublicensing or transferring NFR tenants"))
q(X, "Silver", "Can we run a customer's production workload on our NFR license?", [DE], ["Not permitted"],
  prohibition=("Not permitted", "Running customer production workloads"))
q(X, "Silver", "Can we call our offering Contoso Analytics Suite?", [BG], ["Do not combine"],
  prohibition=("Do not", "combine Northwind names with your own product names"))
q(X, "Gold", "Can we quote a Northwind employee in our press release?", [BG], ["written approval"],
  prohibition=("Do not", "quote Northwind employees"))
q(X, "Silver", "Can I fill in the PSAT survey for my customer?", [PS], ["Do not answer surveys"],
  prohibition=("Do not", "answer surveys on a customer's behalf"))
q(X, "Silver", "Can we tell customers about upcoming early-access features as if they're available?", [BG], ["may not"],
  prohibition=(MAYNOT, "Promise unreleased features or early-access features as available"))
q(X, "Gold", "Can I split an MDF request so it stays under the pre-approval limit?", [MP], ["may not be split"])
q(X, "Silver", "Which costs are not eligible for MDF reimbursement?", [MP, MC], ["cannot be used"],
  prohibition=("MDF cannot be used for", "Gifts or giveaways worth more than $50 per recipient"))
q(X, "Gold", "Are we allowed to compare ourselves to named competitors in ads?", [BG], ["may not"],
  prohibition=(MAYNOT, "Make comparative claims about named competitors"))
q(X, "Silver", "Can we offer customers a gift card for answering the PSAT survey?", [PS], ["Do not offer customers incentives"],
  prohibition=("Do not", "offer customers incentives"))

U = "unanswerable"
q(U, "Silver", "Can I bring my dog to Northwind Connect?")
q(U, "Gold", "What is the capital of Mongolia?")
q(U, "Silver", "Does Northwind offer a Kubernetes operator for Data Pipeline?")
q(U, "Gold", "What's the parental leave policy for Northwind employees?")
q(U, "Silver", "Can we pay our Northwind invoices in Bitcoin?")
q(U, "Gold", "Who won Partner of the Year in 2025?")
q(U, "Platinum", "What's the hotel discount code for Northwind Connect in Chicago?")
q(U, "Silver", "Is there an Android app for Analytics Suite?")
q(U, "Gold", "What will the weather be like in Chicago in October?")
q(U, "Silver", "How do I reset my partner portal password?")
q(U, "Gold", "What is Northwind's stock price?")
q(U, "Silver", "Does Secure Gateway integrate with Duo?")
q(U, "Registered", "Is there a referral bonus for bringing another partner into the program?")
q(U, "Platinum", "What's the dress code for the advisory council meeting?")
q(U, "Gold", "Can a customer get a refund for unused Analytics Suite licenses?")
q(U, "Silver", "Are Northwind Academy courses available in Japanese?")
q(U, "Gold", "How many employees does Northwind have?")
q(U, "Silver", "Who is my channel manager?")
q(U, "Gold", "Can we get price lists in Brazilian reais?")
q(U, "Silver", "What's the best pizza place near the Northwind office?")

R = "restricted"
q(R, "Silver", "What's the Gold price for Analytics Suite Enterprise?", forbidden=["$60.00", "$56.25"])
q(R, "Silver", "Show me the Gold pricing sheet", forbidden=["$36.00", "$33.75", "$960"])
q(R, "Registered", "What does Data Pipeline Business cost for Platinum partners?", forbidden=["$2,625", "$2,450"])
q(R, "Silver", "What are the criteria for nominating a strategic target account?", forbidden=["$100,000 or more", "Deals > Strategic Accounts"])
q(R, "Gold", "When are Partner Advisory Council nominations open and when are members announced?", forbidden=["November 30", "December 15"])
q(R, "Gold", "Which Secure Gateway feature is in early access right now?", forbidden=["Browser Isolation"])
q(R, "Registered", "How many NFR users does a Silver partner get for Secure Gateway?", forbidden=["25 users", "Advanced, 25"])
q(R, "Registered", "How do I launch a demo tenant in the Demo Cloud?", forbidden=["New Demo", "My Demos"])
q(R, "Silver", "How do we claim POC funding after the proof of concept?", forbidden=["Deals > POC Funding", "$75,000", "success criteria"])
q(R, "Gold", "What do Platinum advisory council members receive?", forbidden=["Roadmap briefings", "6 to 12 months"])
q(R, "Silver", "What's the Gold registered deal price for Secure Gateway Standard?", forbidden=["$6.00", "$6.40"])

G = "greeting"
for tier, text in [("Silver", "hi"), ("Gold", "Hello!"), ("Silver", "hey there"), ("Gold", "thanks!"),
                   ("Silver", "thank you so much"), ("Platinum", "good morning"), ("Silver", "ok thanks"),
                   ("Gold", "cheers")]:
    q(G, tier, text)

L = "language"
q(L, "Silver", "¿Cuánto dura la protección de un registro de oportunidad?", [DF, DR, GL], ["90"])
q(L, "Gold", "Quelle remise obtient un partenaire Gold ?", [TB, PG, GL, Q3], ["20%"])
q(L, "Silver", "Wie viel MDF bekommen wir als Silver-Partner?", [TB, MP, GL], ["$10,000"])
q(L, "Silver", "Qual é o valor mínimo para registrar uma oportunidade?", [DF, DR, GL], ["$5,000"])
q(L, "Gold", "Quanto costa l'esame Secure Gateway Deployment Specialist?", [TC, PG], ["$200"])
q(L, "Silver", "Hoe lang zijn certificeringen geldig?", [TC], ["2 years"])
q(L, "Gold", "ゴールドパートナーの割引率はいくらですか？", [TB, PG, GL, Q3], ["20%"])
q(L, "Silver", "¿Podemos usar MDF para pagar un webinar?", [MP, Q3], ["50%"])

# asked in the sandbox by a Silver partner (issue 13, 2026-12-03); added after the rest so no
# earlier line changes part, and all tune: the direct answer must not be a sentence about the
# document, a table keyed by tier must lead with the asker's row, a "who" question names whom
q(A, "Silver", "What discount does each tier get?", [TB, PG, GL, Q3], ["As a Silver partner", "10%", "25%"], split="tune")
q(A, "Silver", "who do I contact about a deal registration?", [PG, SE, DF, DR], ["deal-desk@northwind.example"], split="tune")
q(X, "Silver", "Can we resell Secure Gateway to a federal agency", [SG, BG], ["FedRAMP", "in process"],
  prohibition=(MAYNOT, "Describe FedRAMP authorization for Secure Gateway as complete"), split="tune")
q(A, "Silver", "How much MDF do we get as a Silver partner?", [TB, MP, GL], ["As a Silver partner", "$10,000", "50%"], split="tune")

with open("src/test/resources/eval/answers.jsonl", "w", encoding="utf-8") as out:
    for i, entry in enumerate(Q, 1):
        split = entry.pop("split", None) or ("tune" if i % 2 else "holdout")
        entry = {"id": "q%03d" % i, "split": split, **entry}
        out.write(json.dumps(entry, ensure_ascii=False) + "\n")
print(len(Q), "questions")
