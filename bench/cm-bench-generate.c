/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-bench-generate"

#include "config.h"

#include "cm-bench-generate.h"

#include <math.h>
#include <string.h>

/* Fills a store with what a team of councils commissioning independent
 * advocacy would have after some years of work, so that benchmarks meet
 * the data a real database would hold: text of realistic length and
 * vocabulary for the full-text index, and contributions spread unevenly
 * over workshops, a few of which are very big.
 *
 * Everything is drawn from one GRand, in a fixed order, and dates are
 * measured from a fixed "today", so a size and a seed always give the
 * same database. The text is fixture data: English on purpose, never
 * translated.
 *
 * Work happens in two passes. The first plans every cycle and workshop
 * (dates, states, how many contributions each workshop gets); the second
 * writes them through the public store API, a cycle at a time, in
 * transactions of a few thousand rows. */

#define BATCH_ROWS        5000
#define TODAY_YEAR        2026
#define TODAY_MONTH       G_DATE_MARCH
#define TODAY_DAY         2
#define KEPT_PER_CYCLE    40

/* Corpus ----------------------------------------------------------------- */

typedef struct
{
  const char *area;
  const char *towns[2];
} Council;

static const Council councils[] = {
  { "North Yorkshire", { "Harrogate", "Northallerton" } },
  { "Cumberland", { "Carlisle", "Workington" } },
  { "Westmorland and Furness", { "Kendal", "Barrow-in-Furness" } },
  { "Lancashire", { "Preston", "Burnley" } },
  { "Cheshire East", { "Crewe", "Macclesfield" } },
  { "Derbyshire", { "Chesterfield", "Matlock" } },
  { "Nottinghamshire", { "Mansfield", "Newark" } },
  { "Lincolnshire", { "Lincoln", "Boston" } },
  { "Norfolk", { "Norwich", "King's Lynn" } },
  { "Suffolk", { "Ipswich", "Bury St Edmunds" } },
  { "Essex", { "Chelmsford", "Colchester" } },
  { "Kent", { "Maidstone", "Canterbury" } },
  { "East Sussex", { "Lewes", "Hastings" } },
  { "West Sussex", { "Chichester", "Crawley" } },
  { "Surrey", { "Guildford", "Woking" } },
  { "Hampshire", { "Winchester", "Basingstoke" } },
  { "Dorset", { "Dorchester", "Weymouth" } },
  { "Devon", { "Exeter", "Barnstaple" } },
  { "Cornwall", { "Truro", "Bodmin" } },
  { "Somerset", { "Taunton", "Yeovil" } },
  { "Wiltshire", { "Trowbridge", "Salisbury" } },
  { "Gloucestershire", { "Gloucester", "Cheltenham" } },
  { "Oxfordshire", { "Oxford", "Banbury" } },
  { "Buckinghamshire", { "Aylesbury", "High Wycombe" } },
  { "Hertfordshire", { "Hertford", "Stevenage" } },
  { "Cambridgeshire", { "Cambridge", "Ely" } },
  { "Leicestershire", { "Loughborough", "Melton Mowbray" } },
  { "Warwickshire", { "Warwick", "Nuneaton" } },
  { "Worcestershire", { "Worcester", "Kidderminster" } },
  { "Herefordshire", { "Hereford", "Leominster" } },
  { "Shropshire", { "Shrewsbury", "Oswestry" } },
  { "Staffordshire", { "Stafford", "Burton upon Trent" } },
  { "Northumberland", { "Morpeth", "Hexham" } },
  { "County Durham", { "Durham", "Bishop Auckland" } },
  { "Leeds", { "Leeds", "Morley" } },
  { "Bradford", { "Bradford", "Keighley" } },
  { "Sheffield", { "Sheffield", "Hillsborough" } },
  { "Manchester", { "Manchester", "Wythenshawe" } },
  { "Liverpool", { "Liverpool", "Speke" } },
  { "Newcastle upon Tyne", { "Newcastle", "Walker" } },
  { "Sunderland", { "Sunderland", "Washington" } },
  { "Birmingham", { "Birmingham", "Erdington" } },
  { "Coventry", { "Coventry", "Tile Hill" } },
  { "Bristol", { "Bristol", "Bedminster" } },
  { "Plymouth", { "Plymouth", "Devonport" } },
  { "Brighton and Hove", { "Brighton", "Hove" } },
  { "Camden", { "Kentish Town", "Holborn" } },
  { "Hackney", { "Dalston", "Homerton" } },
  { "Croydon", { "Croydon", "Thornton Heath" } },
  { "Southwark", { "Peckham", "Bermondsey" } },
  { "Hull", { "Hull", "Bransholme" } },
  { "Stoke-on-Trent", { "Hanley", "Longton" } },
};

static const char * const first_names[] = {
  "Aisha", "Alan", "Amir", "Angela", "Barbara", "Bernard", "Bethany", "Callum", "Carol",
  "Chloe", "Connor", "Darren", "David", "Deborah", "Dylan", "Eileen", "Emily", "Fatima",
  "Gareth", "Grace", "Hannah", "Harjit", "Ian", "Imran", "Irene", "Jack", "Jade", "James",
  "Janet", "Jasmine", "Joan", "Kamala", "Karen", "Kevin", "Kwame", "Leanne", "Liam",
  "Lorraine", "Margaret", "Mark", "Megan", "Mohammed", "Nadia", "Neil", "Niamh", "Olu",
  "Patricia", "Paul", "Priya", "Rachel", "Raj", "Rhys", "Ruth", "Samina", "Seán", "Shirley",
  "Siobhan", "Stephen", "Tariq", "Tom", "Wei", "Yusuf", "Zofia", "Zoë",
};

static const char * const surnames[] = {
  "Ahmed", "Akhtar", "Armstrong", "Atkinson", "Bailey", "Begum", "Bell", "Brown",
  "Campbell", "Chen", "Clarke", "Collins", "Davies", "Dixon", "Edwards", "Evans", "Fletcher",
  "Fraser", "Green", "Hall", "Harrison", "Hughes", "Hussain", "Jackson", "James", "Jones",
  "Kaur", "Kelly", "Khan", "Kowalski", "Lewis", "Macdonald", "Martin", "Mensah", "Mitchell",
  "Moore", "Morgan", "Murphy", "Nowak", "O'Brien", "Okafor", "Owen", "Parker", "Patel",
  "Phillips", "Price", "Roberts", "Robinson", "Scott", "Shah", "Singh", "Smith", "Taylor",
  "Thomas", "Thompson", "Turner", "Walker", "Ward", "Watson", "Williams", "Wilson", "Wood",
  "Wright", "Young",
};

static const char * const cycle_titles[] = {
  "Independent advocacy", "Independent advocacy", "Independent advocacy",
  "Independent advocacy recommissioning", "Integrated advocacy hub",
  "Care Act, IMCA and IMHA advocacy",
};

static const char * const team_roles[] = {
  "Commissioning officer", "Senior commissioning manager", "Procurement lead",
  "Finance business partner", "Public health analyst", "Contract monitoring officer",
  "Legal services", "Engagement lead",
};

/* What a commissioner writes as evidence, by stage. */
static const char * const evidence[CM_N_STAGES][6] = {
  {
    "JSNA chapter on adults with learning disabilities reviewed; POPPI and PANSI projections "
    "to {year} saved in the cycle folder.",
    "Legal briefing on Care Act sections 67 and 68 and the Mental Capacity Act noted by DMT.",
    "Provider mapping spreadsheet v{n} shared with the team.",
    "Risk register drafted and reviewed at DMT on {date}.",
    "Contract register checked: the current contract expires on {date}.",
    "Spend analysis for the last three years completed with finance.",
  },
  {
    "Gap analysis presented to the advocacy steering group; waiting times and rural access "
    "were the main gaps.",
    "Co-production workshops held in {town}; notes and the 'You said, we did' log kept.",
    "Commissioning strategy approved by the Executive Member on {date}.",
    "Procurement route agreed with legal: light-touch regime, open procedure.",
    "Draft specification out to consultation for six weeks from {date}.",
    "Equality impact assessment completed and signed off.",
  },
  {
    "Market position statement published on {date}.",
    "Tender notice published; {n} clarification questions answered.",
    "Evaluation panel included two experts by experience, paid for their time.",
    "Contract awarded; the standstill period ended on {date}.",
    "TUPE information exchanged and a mobilisation plan agreed.",
    "Provider engagement event in {town} attended by {n} organisations.",
  },
  {
    "Q{q} return received: first contact within timescale at {percent}%.",
    "Quarterly contract meeting held; an action plan on waiting times agreed.",
    "Annual review report shared with the partnership board on {date}.",
    "'You said, we did' update published on the council website.",
    "Case file audit of {n} cases completed; no concerns about quality.",
    "Exit questionnaires: {percent}% said advocacy made a positive difference.",
  },
};

static const char * const extra_activities[] = {
  "Easy Read version of the specification",
  "Equality impact assessment",
  "Data protection impact assessment",
  "Briefing for the lead member for adult social care",
  "Soft market test questionnaire",
  "Train social workers on referring for advocacy",
  "Agree the information sharing agreement",
};

typedef struct
{
  const char      *title;
  CmAdvocacyTypes  types;
} Lot;

static const Lot lots[] = {
  { "Care Act advocacy", CM_ADVOCACY_CARE_ACT },
  { "Integrated statutory advocacy hub",
    CM_ADVOCACY_CARE_ACT | CM_ADVOCACY_IMCA | CM_ADVOCACY_IMHA | CM_ADVOCACY_PAID_RPR },
  { "IMCA and paid Relevant Person's Representatives",
    CM_ADVOCACY_IMCA | CM_ADVOCACY_PAID_RPR },
  { "Independent Mental Health Advocacy", CM_ADVOCACY_IMHA },
  { "NHS complaints advocacy", CM_ADVOCACY_NHS_COMPLAINTS },
  { "Community and issue-based advocacy", CM_ADVOCACY_GENERAL },
  { "Advocacy for autistic people and people with a learning disability",
    CM_ADVOCACY_CARE_ACT | CM_ADVOCACY_GENERAL },
  { "Deaf and BSL advocacy", CM_ADVOCACY_CARE_ACT | CM_ADVOCACY_GENERAL },
  { "Transition advocacy for young people (16–25)", CM_ADVOCACY_CARE_ACT },
  { "Carers' advocacy", CM_ADVOCACY_CARE_ACT },
  { "Self-advocacy development grant", CM_ADVOCACY_GENERAL },
  { "Peer advocacy pilot", CM_ADVOCACY_GENERAL },
};

static const char * const contract_terms[] = {
  "2+1 years", "3+2 years", "3+1+1 years", "4 years", "2 years (grant)", "3 years",
};

/* The default sections of DESIGN.md §5, each with sentences of its own. */
typedef struct
{
  const char *title;
  const char *sentences[8];
} SectionProse;

static const SectionProse sections[] = {
  { "Purpose and legal duties", {
    "This specification sets out how {area} Council will meet its duty to arrange independent "
    "advocacy under sections 67 and 68 of the Care Act 2014.",
    "The Council must arrange an advocate where a person would have substantial difficulty in "
    "being involved in their assessment, planning or review, and there is no appropriate "
    "individual to support them.",
    "The service also covers Independent Mental Capacity Advocacy under the Mental Capacity Act "
    "2005, including serious medical treatment and long-term accommodation decisions.",
    "Independent Mental Health Advocacy is provided to qualifying patients under the Mental "
    "Health Act 1983, including those on community treatment orders.",
    "Paid Relevant Person's Representatives are appointed where no family member or friend can "
    "represent a person whose liberty is restricted under a DoLS authorisation.",
    "The Provider will act at all times in line with chapter 7 of the Care and Support "
    "Statutory Guidance.",
    "Advocacy exists so that people are heard, understand their rights and take part in the "
    "decisions that affect their lives.",
    "The duty applies whether the person lives in their own home, a care home, supported "
    "living or a hospital in {area}.",
  } },
  { "Scope and advocacy types", {
    "The service covers Care Act advocacy, IMCA, IMHA, paid RPR and NHS complaints advocacy "
    "for adults ordinarily resident in {area}.",
    "Young people approaching adulthood are in scope from the age of 16 when a transition "
    "assessment is being carried out.",
    "Carers are eligible for advocacy during carers' assessments and support planning on the "
    "same basis as the people they care for.",
    "Non-statutory, issue-based advocacy is provided where capacity allows, prioritising "
    "people at risk of harm or exclusion.",
    "Advocacy for people detained in hospitals outside {area} remains the responsibility of "
    "the host authority unless otherwise agreed.",
    "Self-advocacy and peer advocacy groups are funded through the community grants programme "
    "and are outside the scope of this contract.",
    "The Provider will offer a single point of access, so that people and professionals need "
    "not know which type of advocacy applies.",
    "Safeguarding enquiries and safeguarding adults reviews are in scope where the person has "
    "substantial difficulty in being involved.",
  } },
  { "Outcomes", {
    "People who use the service feel listened to and say their views were reflected in "
    "decisions about their care.",
    "People understand their rights, the options open to them and the likely consequences of "
    "each.",
    "People are supported to speak up for themselves wherever possible, and their confidence "
    "to do so grows over time.",
    "Decisions about care and support are made with the person rather than for them.",
    "Fewer people are moved into care homes or kept in hospital without an advocate having "
    "been offered.",
    "Outcomes will be recorded in the person's own words at the start and end of each "
    "advocacy episode.",
    "At least {percent}% of people closing a case will report that advocacy made a positive "
    "difference.",
    "Professionals report that advocacy improves the quality and lawfulness of their "
    "decisions.",
  } },
  { "Eligibility and referral routes", {
    "Referrals will be accepted from the person, family members, carers, health and social "
    "care staff and voluntary organisations.",
    "The Provider will acknowledge every referral within one working day and make first "
    "contact within {days} working days.",
    "Urgent referrals, including imminent hospital discharges and safeguarding decisions, "
    "will be allocated the same day.",
    "The referral form will be available online, by telephone, by email and in Easy Read.",
    "Where a referral does not meet the statutory criteria, the Provider will signpost the "
    "person to other support and record why.",
    "Adult social care teams will be trained to recognise substantial difficulty and to refer "
    "at the first point of contact.",
    "Self-referrals will not be refused because a professional has not identified a need for "
    "advocacy.",
    "A waiting list may be kept only with the Council's agreement and will be reviewed every "
    "week.",
  } },
  { "Quality standards", {
    "The Provider will hold the Advocacy Quality Performance Mark, or achieve it within "
    "eighteen months of the contract starting.",
    "All advocacy will be delivered in line with the principles of the Advocacy Charter.",
    "Every advocate will hold, or be working towards, the National Qualification in "
    "Independent Advocacy.",
    "IMCAs and IMHAs will hold the specialist units of the qualification before taking on "
    "casework unsupervised.",
    "The Provider will have clear policies on confidentiality, information sharing and "
    "conflicts of interest.",
    "Case files will be audited every quarter, sampling at least {percent}% of open cases.",
    "Feedback will be sought from every person at the end of their advocacy, in a format that "
    "suits them.",
    "Complaints about the service will be acknowledged within three working days and reported "
    "to the Council each quarter.",
  } },
  { "Workforce", {
    "The Provider will employ enough qualified advocates to meet demand across the whole of "
    "{area}, including its rural areas.",
    "Advocates will receive monthly supervision and an annual appraisal.",
    "The workforce should reflect the communities it serves, including people with lived "
    "experience.",
    "Advocates will communicate using British Sign Language, Makaton and other methods as "
    "each person needs.",
    "Volunteers may support non-statutory advocacy but will not carry statutory casework.",
    "All staff will have an enhanced DBS check, renewed every three years.",
    "Caseloads will be monitored so that no advocate holds more than {n} open statutory cases "
    "at a time.",
    "Training will cover the Mental Capacity Act, the Mental Health Act, safeguarding, and "
    "communicating with people who do not use speech.",
  } },
  { "Demand and capacity", {
    "Demand has been modelled from the number of assessments, care and support plans, reviews "
    "and safeguarding enquiries carried out each year.",
    "The model assumes that about 7% of people assessed will qualify for and accept advocacy, "
    "as the Department of Health's impact assessment expected.",
    "Take-up in {area} was lower than expected under the last contract, at around 2% of "
    "assessments, which suggests unmet need.",
    "An average Care Act advocacy case is estimated to take {hours} hours, including travel "
    "and recording.",
    "The older population of {area} is projected to grow by about 2% a year, increasing "
    "demand for assessments and reviews.",
    "IMCA referrals for serious medical treatment are expected to stay stable, while work "
    "under the Deprivation of Liberty Safeguards will change with the law.",
    "The Provider will report unmet demand and waiting times monthly so that capacity can be "
    "reviewed.",
    "Seasonal peaks, particularly hospital discharges in winter, must be planned for.",
  } },
  { "Budget and price", {
    "The annual contract value is {money}, fixed for the first two years.",
    "The service is funded as a block contract, with spot purchasing for demand above the "
    "agreed capacity.",
    "Spot-purchased hours will be paid at {rate} an hour, including travel time within {area}.",
    "The block element covers statutory advocacy for up to {hours}0 hours a month.",
    "Prices will be reviewed each year with reference to the National Living Wage and the "
    "Consumer Prices Index.",
    "The Council will not pay for hours where an advocate could not be allocated within the "
    "agreed timescales.",
    "Any underspend on the block element will be discussed at the quarterly contract meeting.",
    "Interpreting and translation costs will be met by the Council on top of the contract "
    "price.",
  } },
  { "Contract term and procurement route", {
    "The contract will run for an initial term of {term}, with an option to extend subject to "
    "performance and budget.",
    "The service will be procured under the light-touch regime of the Procurement Act 2023.",
    "Bids will be evaluated on quality (70%) and price (30%), with a tenth of the quality "
    "score for social value.",
    "People who use advocacy will help evaluate the tenders, with training and payment for "
    "their time.",
    "A market engagement event will be held in {town} before the tender notice is published.",
    "Clarification questions will be answered within five working days and published to all "
    "bidders.",
    "The Council may award the contract in lots if this offers better value.",
    "Mobilisation will take three months, with a shadow period alongside the current "
    "provider.",
  } },
  { "Social value", {
    "The Provider will set out how it will create local jobs and volunteering opportunities "
    "in {area}.",
    "Social value commitments will be measured with the National TOMs framework and reported "
    "every six months.",
    "The Provider will pay at least the Real Living Wage to everyone working on the contract.",
    "People with lived experience will be offered training as peer advocates.",
    "The Provider will work with community groups to raise awareness of advocacy in "
    "seldom-heard communities.",
    "Emissions from travel will be reduced by meeting online where the person prefers it.",
    "Local suppliers will be used for venues, catering and printing wherever possible.",
    "The Provider will offer placements to students on social work and nursing courses.",
  } },
  { "TUPE", {
    "TUPE is likely to apply to staff currently delivering advocacy under the existing "
    "contract.",
    "The incumbent provider has supplied anonymised staff information, which bidders can see "
    "in the data room.",
    "Bidders must take their own legal advice on whether TUPE applies.",
    "The incumbent will provide updated employee liability information six weeks before the "
    "transfer.",
    "Pension arrangements for transferring staff must be protected in line with the Council's "
    "policy.",
    "Where staff transfer, the new Provider will consult them and their representatives in "
    "good time.",
    "The Council accepts no liability for TUPE costs arising between the providers.",
    "Exit plans must include the transfer of open cases, with each person's consent.",
  } },
  { "Monitoring and reporting", {
    "The Provider will submit a quarterly return covering referrals, cases opened and closed, "
    "waiting times and outcomes.",
    "Contract monitoring meetings will take place every quarter, with an annual review of the "
    "service.",
    "Data will be broken down by advocacy type, age, ethnicity, disability and locality.",
    "Anonymised case studies, shared with consent, will accompany each quarterly return.",
    "Safeguarding concerns will be reported to the Council at once and recorded in the "
    "quarterly return.",
    "An annual report with an Easy Read summary will be published for people who use services "
    "and the public.",
    "Performance against the KPIs will be reviewed with people who use advocacy at the annual "
    "review.",
    "Persistent under-performance will be managed through the contract's default and remedy "
    "procedure.",
  } },
};

/* A second source of sentences, put together from parts, for variety. */
static const char * const prose_subjects[] = {
  "The Provider will", "The Council will", "Advocates will", "The service will",
  "Commissioners and the Provider will together", "The contract manager will",
};

static const char * const prose_verbs[] = {
  "work with", "agree arrangements with", "share information with",
  "hold regular meetings with", "seek the views of", "report to", "build relationships with",
  "publish information for",
};

static const char * const prose_objects[] = {
  "ward managers and approved mental health professionals", "care home managers across {area}",
  "the Safeguarding Adults Board", "carers' organisations in {town}",
  "GP practices and community health teams", "people who use services and their families",
  "the integrated care board", "housing and homelessness services", "the local Healthwatch",
  "the learning disability and autism partnership boards",
};

static const char * const prose_purposes[] = {
  "so that nobody eligible goes without an advocate.",
  "to make referral routes clear and simple.",
  "to find people who may need advocacy earlier.",
  "to improve the quality of decisions made about people's care.",
  "so that advocacy is offered at the first point of contact.",
  "to reduce delays in hospital discharge.",
  "so that people's wishes are recorded and respected.",
  "to learn from complaints and feedback.",
  "every quarter.",
  "in line with the information sharing agreement.",
};

typedef struct
{
  const char *measure;
  const char *target;
  const char *frequency;
  const char *source;
} KpiText;

static const KpiText kpis[] = {
  { "Referrals acknowledged within one working day", "100%", "Monthly",
    "Provider case management system" },
  { "First contact within the agreed timescale", "95%", "Quarterly",
    "Provider case management system" },
  { "Urgent IMCA referrals allocated the same day", "100%", "Quarterly",
    "Provider quarterly return" },
  { "People reporting that advocacy made a positive difference", "85%", "Quarterly",
    "Exit questionnaire" },
  { "People who felt listened to", "90%", "Quarterly", "Exit questionnaire" },
  { "Advocates holding the National Qualification in Independent Advocacy",
    "100% within 12 months", "Annually", "Training records" },
  { "Open cases audited", "10%", "Quarterly", "Case file audit" },
  { "Cases closed with outcomes recorded in the person's own words", "90%", "Quarterly",
    "Provider quarterly return" },
  { "Complaints acknowledged within three working days", "100%", "Quarterly",
    "Complaints log" },
  { "Referrals from carers", "Baseline in year one", "Quarterly", "Provider quarterly return" },
  { "Statutory cases waiting more than five working days", "None", "Monthly",
    "Provider case management system" },
  { "Referrals from seldom-heard communities", "In line with the population profile",
    "Six-monthly", "Equality monitoring" },
  { "Advocate turnover", "Below 15% a year", "Annually", "HR records" },
  { "Social value commitments delivered", "100% of agreed TOMs", "Six-monthly",
    "Social value report" },
  { "Easy Read materials reviewed with the people who use them", "Every leaflet",
    "Annually", "Co-production group minutes" },
  { "Hospital discharges where an IMCA was instructed in time", "95%", "Quarterly",
    "Hospital discharge team data" },
};

/* What people say in workshops, with the stage it speaks to (or none)
 * and its themes, space-separated. */
typedef struct
{
  CmContributionKind  kind;
  CmStage             stage;
  const char         *text;
  const char         *themes;
} Saying;

#define I_STATEMENT CM_CONTRIBUTION_KIND_I_STATEMENT
#define CONCERN     CM_CONTRIBUTION_KIND_CONCERN
#define QUESTION    CM_CONTRIBUTION_KIND_QUESTION
#define IDEA        CM_CONTRIBUTION_KIND_IDEA
#define COMMENT     CM_CONTRIBUTION_KIND_COMMENT

static const Saying sayings[] = {
  { I_STATEMENT, CM_STAGE_DO,
    "I wasn't told I could have an advocate until after my assessment", "access awareness" },
  { I_STATEMENT, CM_STAGE_PLAN,
    "I want someone who explains things in plain words, not jargon", "communication" },
  { I_STATEMENT, CM_STAGE_REVIEW,
    "I felt listened to for the first time when the advocate came to my review", "outcomes" },
  { I_STATEMENT, CM_STAGE_REVIEW,
    "I had three different advocates in six months and had to tell my story every time",
    "continuity" },
  { I_STATEMENT, CM_STAGE_NONE,
    "I didn't know what an IMHA was until another patient told me",
    "awareness mental-health hospital" },
  { I_STATEMENT, CM_STAGE_PLAN,
    "I need information in Easy Read before the meeting, not on the day", "easy-read access" },
  { I_STATEMENT, CM_STAGE_NONE,
    "I was moved to a care home and nobody asked me what I wanted", "choice safeguarding" },
  { I_STATEMENT, CM_STAGE_PLAN,
    "I want to meet my advocate somewhere I feel safe, not at the council offices",
    "access choice" },
  { I_STATEMENT, CM_STAGE_PLAN,
    "I need a BSL interpreter who understands mental health", "bsl mental-health" },
  { I_STATEMENT, CM_STAGE_PLAN,
    "I get anxious on the phone, so being able to text would help me", "digital access" },
  { I_STATEMENT, CM_STAGE_PLAN,
    "I want the same advocate from the assessment right through to the review",
    "continuity" },
  { I_STATEMENT, CM_STAGE_REVIEW,
    "I felt the advocate was on the social worker's side", "independence" },
  { I_STATEMENT, CM_STAGE_NONE,
    "I could only get to the meeting because the advocate sorted out a taxi",
    "access rural" },
  { I_STATEMENT, CM_STAGE_NONE,
    "I wanted help to complain about the hospital but didn't know where to start",
    "complaints hospital" },
  { I_STATEMENT, CM_STAGE_ANALYSE,
    "I was in hospital for eight weeks before anyone mentioned advocacy",
    "hospital awareness waiting-times" },
  { I_STATEMENT, CM_STAGE_NONE,
    "I need more time to think before decisions are made about me", "choice communication" },
  { CONCERN, CM_STAGE_REVIEW,
    "The waiting list for IMHA on the wards is far too long",
    "waiting-times mental-health hospital" },
  { CONCERN, CM_STAGE_ANALYSE,
    "People in rural areas wait longer because advocates have to travel so far",
    "rural waiting-times" },
  { CONCERN, CM_STAGE_DO,
    "Nobody tells carers that they can have an advocate for a carer's assessment",
    "carers awareness" },
  { CONCERN, CM_STAGE_PLAN,
    "The referral form is too complicated for families to fill in", "referrals easy-read" },
  { CONCERN, CM_STAGE_ANALYSE,
    "Advocates are stretched so thin that they only see people once", "workforce funding" },
  { CONCERN, CM_STAGE_NONE,
    "People placed out of area lose their advocate when they move",
    "out-of-area continuity" },
  { CONCERN, CM_STAGE_DO,
    "Hospital discharge happens so fast there is no time to get an IMCA involved",
    "hospital waiting-times" },
  { CONCERN, CM_STAGE_PLAN,
    "Letters about advocacy are not available in other languages",
    "communication access" },
  { CONCERN, CM_STAGE_ANALYSE,
    "Self-funders in care homes are not being offered advocacy at all", "access awareness" },
  { CONCERN, CM_STAGE_PLAN,
    "The advocacy service closes at five, but crises don't", "access mental-health" },
  { CONCERN, CM_STAGE_NONE,
    "Young people lose their advocate the day they turn eighteen", "transition continuity" },
  { CONCERN, CM_STAGE_REVIEW,
    "Staff turnover means people never get to build trust with an advocate",
    "workforce continuity" },
  { CONCERN, CM_STAGE_DO,
    "Short contracts make it hard for providers to keep experienced staff",
    "workforce funding" },
  { CONCERN, CM_STAGE_ANALYSE,
    "People with dementia in care homes are missed because nobody refers them",
    "dementia referrals" },
  { CONCERN, CM_STAGE_REVIEW,
    "The online referral portal doesn't work well with screen readers", "digital access" },
  { QUESTION, CM_STAGE_REVIEW,
    "Who do we contact if the advocate doesn't turn up", "complaints" },
  { QUESTION, CM_STAGE_PLAN,
    "Will the new contract still cover NHS complaints advocacy", "complaints" },
  { QUESTION, CM_STAGE_REVIEW,
    "How will you know whether people are actually getting better outcomes",
    "outcomes reporting" },
  { QUESTION, CM_STAGE_NONE,
    "Can family members refer someone, or does it have to be a professional",
    "referrals carers" },
  { QUESTION, CM_STAGE_DO,
    "What happens to my advocate if the provider changes", "continuity" },
  { QUESTION, CM_STAGE_PLAN,
    "Will there be an Easy Read version of the specification", "easy-read co-production" },
  { QUESTION, CM_STAGE_ANALYSE,
    "How many advocates will there be for the whole county", "workforce rural" },
  { QUESTION, CM_STAGE_DO,
    "Can people who use services sit on the tender evaluation panel", "co-production" },
  { QUESTION, CM_STAGE_NONE,
    "Is advocacy available at weekends for people in hospital", "hospital access" },
  { QUESTION, CM_STAGE_NONE,
    "How is substantial difficulty decided, and who decides it", "referrals" },
  { QUESTION, CM_STAGE_PLAN,
    "Will people be paid for their time on the co-production group", "co-production" },
  { QUESTION, CM_STAGE_REVIEW,
    "How will waiting times be reported back to us", "waiting-times reporting" },
  { IDEA, CM_STAGE_PLAN,
    "Drop-in sessions at the library would reach people who don't use the phone",
    "access digital" },
  { IDEA, CM_STAGE_PLAN,
    "Advocates could visit the wards on a set day each week so patients know when to expect "
    "them", "hospital mental-health" },
  { IDEA, CM_STAGE_PLAN,
    "Put a short BSL video on the council website explaining advocacy", "bsl awareness" },
  { IDEA, CM_STAGE_DO,
    "Every assessment letter should say, in plain words, that you can have an advocate",
    "awareness communication" },
  { IDEA, CM_STAGE_PLAN,
    "Peer advocates with lived experience would be trusted more", "co-production workforce" },
  { IDEA, CM_STAGE_PLAN,
    "One phone number for every type of advocacy would make it simpler",
    "referrals access" },
  { IDEA, CM_STAGE_DO,
    "Train social workers to spot substantial difficulty at the first visit",
    "referrals workforce" },
  { IDEA, CM_STAGE_PLAN,
    "Offer text and WhatsApp as ways to contact the service", "digital access" },
  { IDEA, CM_STAGE_PLAN,
    "Let people choose to meet their advocate at home, in a café or online", "choice access" },
  { IDEA, CM_STAGE_REVIEW,
    "Hold a yearly event where people tell commissioners how the service is going",
    "co-production reporting" },
  { IDEA, CM_STAGE_PLAN,
    "Carers' centres could host advocacy surgeries once a month", "carers access" },
  { IDEA, CM_STAGE_REVIEW,
    "Make the quarterly reports public with an Easy Read summary", "reporting easy-read" },
  { COMMENT, CM_STAGE_REVIEW,
    "The advocate helped my mum get her care package changed after the review", "outcomes" },
  { COMMENT, CM_STAGE_NONE,
    "Advocacy made the difference when the hospital wanted to discharge Dad to a home",
    "hospital outcomes" },
  { COMMENT, CM_STAGE_ANALYSE,
    "The current provider is good but there just aren't enough advocates",
    "workforce waiting-times" },
  { COMMENT, CM_STAGE_NONE,
    "Professionals still confuse advocacy with befriending", "awareness" },
  { COMMENT, CM_STAGE_ANALYSE,
    "Most people in our group had never heard of Care Act advocacy", "awareness" },
  { COMMENT, CM_STAGE_NONE,
    "It worked well when the advocate came to the best interests meeting", "outcomes" },
  { COMMENT, CM_STAGE_REVIEW,
    "Having the same advocate for two years meant he finally trusted someone", "continuity" },
  { COMMENT, CM_STAGE_NONE,
    "Video calls worked for some people during lockdown but not for everyone", "digital" },
  { COMMENT, CM_STAGE_REVIEW,
    "The Easy Read leaflet was really helpful", "easy-read" },
  { COMMENT, CM_STAGE_DO,
    "Our group meets monthly and would be happy to test the new referral form",
    "co-production referrals" },
};

static const char * const saying_openings[] = {
  "Speaking as a carer: ", "From our table: ", "Several people agreed: ",
  "Following on from earlier: ", "Said by a parent: ", "Written on a sticky note: ",
};

static const char * const saying_endings[] = {
  ". It happened twice last year", ". That needs to change", " — several people said the same",
  ". We raised this at the last review too", ", especially for people with a learning disability",
  ", especially in winter", ". This came up on every table", " (table {n})",
  ", and it has got worse since the last contract", ". Others nodded",
};

static const char * const idea_endings[] = {
  " — lots of support for this", ". Everyone on the table agreed", " (table {n})",
  ". It works well in the next county", ", and it would not cost much",
};

static const char * const extra_themes[] = {
  "access", "waiting-times", "easy-read", "awareness", "continuity", "carers", "funding",
};

static const char * const workshop_titles[] = {
  "Co-production workshop: what good advocacy looks like",
  "Carers' focus group on Care Act advocacy",
  "Provider engagement event",
  "Easy Read consultation session",
  "Mental health service users' forum: IMHA",
  "Young people's transition workshop",
  "Hospital discharge and IMCA: staff session",
  "Deaf community session (BSL)",
  "Learning disability partnership board: advocacy",
  "Older people's forum: advocacy in care homes",
  "Review session: you said, we did",
  "Specification read-through with experts by experience",
  "Online consultation evening",
  "Market engagement: meet the buyer",
};

static const char * const big_workshop_titles[] = {
  "County-wide advocacy consultation day",
  "Advocacy summit: have your say",
  "Online consultation on the future of advocacy in {area}",
  "Partnership boards' open day",
};

static const char * const venues[] = {
  "{town} Library, Community Room", "{town} Civic Centre, Committee Room 2",
  "Online (Microsoft Teams)", "{town} Methodist Church Hall", "Carers' Resource Centre, {town}",
  "The Hub, {town} High Street", "Day room, Ward 12, {town} General Hospital",
  "Deaf Centre, {town}", "{town} Community Fire Station",
};

static const char * const purposes[] = {
  "To hear what people who use advocacy in {area} think works well and what should change.",
  "To test the draft outcomes and KPIs with people who will use the service.",
  "To explain the procurement timetable to providers and answer their questions.",
  "To agree the priorities for the new service with carers and the people they support.",
  "To report back on what was done with what people told us last time.",
  "To read the specification together, section by section, and note what is unclear.",
};

static const char * const access_items[] = {
  "Step-free access", "Hearing loop", "BSL interpreters booked", "Easy Read agenda sent a "
  "week ahead", "Quiet room available", "Taxis booked for those who need them",
  "Live captions", "Large-print papers", "Breaks every 45 minutes", "Lunch provided",
};

static const char * const organisations_provider[] = {
  "Dales Advocacy Partnership", "Speak Up Together CIC", "Voices First Advocacy",
  "Riverside Carers' Centre", "Open Door Mental Health", "Bridgeways Supported Living",
  "Moorland Care Homes Ltd", "Heartwood Home Care", "Deaf Connect",
};

static const char * const organisations_community[] = {
  "", "", "", "People First self-advocacy group", "Older People's Forum", "Carers' Voice",
  "Mental health service user network",
};

static const char * const access_needs[] = {
  "Easy Read papers a week before", "BSL interpreter", "Step-free access; uses a wheelchair",
  "Hearing loop", "Large print (18 pt)", "Breaks every 45 minutes", "Support worker attends",
  "A quiet space to take breaks", "Questions in writing in advance", "Halal food",
  "Transport booked", "Documents by email, in Word, for a screen reader",
};

static const char * const payment_notes[] = {
  "£25 involvement payment per session, paid by voucher", "Travel expenses (bus fare)",
  "Taxi booked by the council", "Declined payment", "Paid by BACS within 10 days",
  "Replacement care costs covered for the session",
  "Attends as part of their job; no involvement payment",
};

static const char * const responses[] = {
  "We added a requirement to the specification that advocacy is offered at first contact, "
  "not after the assessment.",
  "Assessment letters now say, in plain words, that people can ask for an advocate.",
  "The new contract sets a target to contact IMHA referrals within two working days.",
  "An Easy Read version of the specification was written with the self-advocacy group.",
  "People who use services sat on the tender evaluation panel and were paid for their time.",
  "The referral form was shortened and tested with carers before it went live.",
  "The provider now offers text and WhatsApp as ways to get in touch.",
  "Each person now keeps one named advocate from assessment to review.",
  "Quarterly performance reports are published with an Easy Read summary.",
  "Monthly advocacy surgeries now run at the carers' centre in {town}.",
  "Social workers in {area} were trained to recognise substantial difficulty.",
  "Travel time in rural areas is now paid, so advocates can reach outlying villages.",
};

static const char * const not_possible_reasons[] = {
  "The budget for {year} does not allow a 24-hour service; we will look at the demand data "
  "again at the annual review.",
  "NHS complaints advocacy is commissioned separately and is outside this contract.",
  "The law sets who qualifies for statutory advocacy and we cannot widen it, but we have "
  "increased non-statutory advocacy.",
  "The procurement timetable could not be extended without a gap in the service.",
};

static const char * const month_names[] = {
  "", "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

/* Plans ------------------------------------------------------------------ */

typedef struct
{
  const Council *council;
  int            start_year;
  int            years;
  GDate          start;          /* the contract period */
  GDate          end;
  GDate          stage_start[CM_N_STAGES + 1];
  CmStage        stage;
  char          *team[4];
  guint          first_workshop; /* index into the workshop plans */
  guint          n_workshops;
  guint          n_specs;
} CyclePlan;

typedef struct
{
  guint            cycle;
  GDateTime       *starts_at;
  CmWorkshopState  state;
  gboolean         big;
  double           weight;
  guint            n_contributions;
} WorkshopPlan;

typedef struct
{
  CmStore           *store;
  const CmBenchSize *size;
  GRand             *rand;
  GTimeZone         *utc;
  GDate              today;
  guint              pending_rows;
  gboolean           in_transaction;
  CyclePlan         *cycles;
  WorkshopPlan      *workshops;
  GPtrArray         *participants;   /* CmParticipant */
  guint             *shuffled;       /* participant indices, partly shuffled per workshop */

  /* What the current cycle's actions can point at. */
  const CyclePlan   *cycle;
  const char        *town;
  const GDate       *date;
  GArray            *activity_ids;
  GArray            *section_ids;
  GPtrArray         *kept;           /* CmContribution, a sample of the cycle's */
  guint              n_seen;
} Generator;

/* Random choices --------------------------------------------------------- */

static guint
pick (Generator *gen,
      guint      n)
{
  g_assert (n > 0);

  return (guint) g_rand_int_range (gen->rand, 0, (gint32) n);
}

#define PICK(gen, array) ((array)[pick ((gen), G_N_ELEMENTS (array))])

static gboolean
chance (Generator *gen,
        double     probability)
{
  return g_rand_double (gen->rand) < probability;
}

static int
between (Generator *gen,
         int        low,
         int        high)
{
  return g_rand_int_range (gen->rand, low, high + 1);
}

static char *
make_name (Generator *gen)
{
  const char *first = PICK (gen, first_names);
  const char *last = PICK (gen, surnames);

  return g_strdup_printf ("%s %s", first, last);
}

static void
append_date (GString     *out,
             const GDate *date)
{
  g_string_append_printf (out, "%u %s %u", g_date_get_day (date),
                          month_names[g_date_get_month (date)], g_date_get_year (date));
}

static void
append_money (GString *out,
              gint64   pounds)
{
  if (pounds >= 1000)
    g_string_append_printf (out, "£%" G_GINT64_FORMAT ",%03" G_GINT64_FORMAT,
                            pounds / 1000, pounds % 1000);
  else
    g_string_append_printf (out, "£%" G_GINT64_FORMAT, pounds);
}

/* Copies a pattern, filling in {area}, {town}, {date} and the other
 * placeholders from the cycle being written and fresh random numbers. */
static void
append_expanded (Generator  *gen,
                 GString    *out,
                 const char *pattern)
{
  const char *p = pattern;

  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close;
      gsize length;

      if (open == NULL || (close = strchr (open, '}')) == NULL)
        {
          g_string_append (out, p);
          return;
        }

      g_string_append_len (out, p, open - p);
      length = close - open - 1;
      open++;

#define KEY(name) (length == strlen (name) && strncmp (open, name, length) == 0)
      if (KEY ("area"))
        g_string_append (out, gen->cycle->council->area);
      else if (KEY ("town"))
        g_string_append (out, gen->town);
      else if (KEY ("date"))
        append_date (out, gen->date);
      else if (KEY ("year"))
        g_string_append_printf (out, "%d", gen->cycle->start_year + between (gen, 0, 9));
      else if (KEY ("term"))
        g_string_append (out, PICK (gen, contract_terms));
      else if (KEY ("percent"))
        g_string_append_printf (out, "%d", between (gen, 78, 98));
      else if (KEY ("days"))
        g_string_append_printf (out, "%d", between (gen, 2, 5));
      else if (KEY ("hours"))
        g_string_append_printf (out, "%d", between (gen, 8, 16));
      else if (KEY ("n"))
        g_string_append_printf (out, "%d", between (gen, 3, 24));
      else if (KEY ("q"))
        g_string_append_printf (out, "%d", between (gen, 1, 4));
      else if (KEY ("rate"))
        g_string_append_printf (out, "£%d.%02d", between (gen, 28, 36), 50 * between (gen, 0, 1));
      else if (KEY ("money"))
        append_money (out, 500 * (gint64) between (gen, 160, 2800));
      else
        g_string_append_len (out, open - 1, length + 2);
#undef KEY

      p = close + 1;
    }
}

static char *
expand (Generator  *gen,
        const char *pattern)
{
  GString *out = g_string_new (NULL);

  append_expanded (gen, out, pattern);
  return g_string_free (out, FALSE);
}

static void
date_between (Generator   *gen,
              const GDate *from,
              const GDate *to,
              GDate       *result)
{
  guint32 first = g_date_get_julian (from);
  guint32 last = MAX (first, g_date_get_julian (to));

  g_date_set_julian (result, first + pick (gen, last - first + 1));
}

/* Batches ---------------------------------------------------------------- */

/* The generator keeps track of its own transaction: a failed commit has
 * already rolled back, and must not be rolled back twice. */
static gboolean
begin (Generator  *gen,
       GError    **error)
{
  if (!cm_store_begin (gen->store, error))
    return FALSE;

  gen->in_transaction = TRUE;
  gen->pending_rows = 0;
  return TRUE;
}

static gboolean
commit (Generator  *gen,
        GError    **error)
{
  gen->in_transaction = FALSE;
  return cm_store_commit (gen->store, error);
}

static void
rollback (Generator *gen)
{
  if (gen->in_transaction)
    cm_store_rollback (gen->store);
  gen->in_transaction = FALSE;
}

/* Counts a written row, and commits every few thousand so that no single
 * transaction grows without bound. */
static gboolean
wrote_row (Generator  *gen,
           GError    **error)
{
  if (++gen->pending_rows < BATCH_ROWS)
    return TRUE;

  return commit (gen, error) && begin (gen, error);
}

/* Planning --------------------------------------------------------------- */

static void
plan_cycle (Generator *gen,
            guint      index,
            CyclePlan *plan)
{
  static const int offsets[] = { -20, -14, -8, 0 };
  static const int contract_years[] = { 2, 3, 3, 3, 4, 5 };
  guint round = index / G_N_ELEMENTS (councils);

  plan->council = &councils[index % G_N_ELEMENTS (councils)];
  plan->years = PICK (gen, contract_years);
  plan->start_year = 2021 + between (gen, 0, 7) - 5 * (int) round;

  /* Contracts start on the first day of the financial year. */
  g_date_clear (&plan->start, 1);
  g_date_set_dmy (&plan->start, 1, G_DATE_APRIL, (GDateYear) plan->start_year);
  plan->end = plan->start;
  g_date_add_years (&plan->end, (guint) plan->years);
  g_date_subtract_days (&plan->end, 1);

  /* Analyse, plan and do lead up to the contract; review runs through it. */
  for (guint stage = 0; stage < CM_N_STAGES; stage++)
    {
      plan->stage_start[stage] = plan->start;
      if (offsets[stage] < 0)
        g_date_subtract_months (&plan->stage_start[stage], (guint) -offsets[stage]);
    }
  plan->stage_start[CM_N_STAGES] = plan->end;

  plan->stage = CM_STAGE_ANALYSE;
  for (guint stage = 0; stage < CM_N_STAGES; stage++)
    {
      if (g_date_compare (&gen->today, &plan->stage_start[stage]) >= 0)
        plan->stage = (CmStage) stage;
    }

  for (guint i = 0; i < G_N_ELEMENTS (plan->team); i++)
    plan->team[i] = make_name (gen);
}

static int
compare_workshop_plans (gconstpointer a,
                        gconstpointer b)
{
  const WorkshopPlan *first = a;
  const WorkshopPlan *second = b;

  return g_date_time_compare (first->starts_at, second->starts_at);
}

static void
plan_workshop (Generator    *gen,
               guint         cycle_index,
               WorkshopPlan *plan)
{
  static const int hours[] = { 10, 10, 11, 13, 14, 18 };
  const CyclePlan *cycle = &gen->cycles[cycle_index];
  GDate day;
  int hour;
  int when = pick (gen, 100);

  g_date_clear (&day, 1);

  /* Most workshops inform the design; some test the market; some review. */
  if (when < 70)
    date_between (gen, &cycle->stage_start[CM_STAGE_ANALYSE] , &cycle->stage_start[CM_STAGE_DO],
                  &day);
  else if (when < 85)
    date_between (gen, &cycle->stage_start[CM_STAGE_DO], &cycle->start, &day);
  else
    date_between (gen, &cycle->start, &cycle->end, &day);

  hour = PICK (gen, hours);
  plan->cycle = cycle_index;
  plan->starts_at = g_date_time_new (gen->utc, g_date_get_year (&day), g_date_get_month (&day),
                                     g_date_get_day (&day), hour, chance (gen, 0.3) ? 30 : 0, 0);

  if (g_date_compare (&day, &gen->today) > 0)
    plan->state = CM_WORKSHOP_STATE_PLANNED;
  else if (g_date_compare (&day, &gen->today) == 0)
    plan->state = CM_WORKSHOP_STATE_LIVE;
  else
    plan->state = CM_WORKSHOP_STATE_CLOSED;
}

/* Shares the contributions out over the workshops that have taken place:
 * about one in a hundred is a big consultation event with a large share,
 * the rest vary from a handful of comments to a few dozen. */
static void
allocate_contributions (Generator *gen)
{
  guint n = gen->size->workshops;
  guint n_eligible = 0;
  guint n_big;
  guint given = 0;
  double total = 0;

  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      if (gen->workshops[i].state != CM_WORKSHOP_STATE_PLANNED)
        n_eligible++;
    }

  /* A database where nothing has happened yet still needs somewhere to put
   * contributions it was asked for. */
  if (n_eligible == 0)
    {
      for (guint i = 0; i < n; i++)
        gen->workshops[i].state = CM_WORKSHOP_STATE_CLOSED;
      n_eligible = n;
    }

  for (guint i = 0; i < n; i++)
    {
      WorkshopPlan *plan = &gen->workshops[i];
      double base = 0.3 + g_rand_double (gen->rand);

      plan->weight = plan->state == CM_WORKSHOP_STATE_PLANNED ? 0 : base * base;
      total += plan->weight;
    }

  /* Big events weigh as much as a share of all the ordinary workshops, so
   * that the biggest holds about 5% of everything at any size. */
  n_big = MAX (1, n_eligible / 100);
  for (guint i = 0; i < n_big; i++)
    {
      guint index;

      do
        index = pick (gen, n);
      while (gen->workshops[index].state == CM_WORKSHOP_STATE_PLANNED);

      gen->workshops[index].big = TRUE;
      gen->workshops[index].weight = total * (i == 0 ? 75 : between (gen, 15, 50)) / 1000.0;
    }

  total = 0;

  for (guint i = 0; i < n; i++)
    total += gen->workshops[i].weight;

  for (guint i = 0; i < n; i++)
    {
      WorkshopPlan *plan = &gen->workshops[i];

      plan->n_contributions = (guint) floor (gen->size->contributions * plan->weight / total);
      given += plan->n_contributions;
    }

  /* Whatever rounding left over goes one by one to workshops that met. */
  for (guint i = 0; given < gen->size->contributions; i = (i + 1) % n)
    {
      if (gen->workshops[i].weight > 0)
        {
          gen->workshops[i].n_contributions++;
          given++;
        }
    }
}

static void
make_plans (Generator *gen)
{
  const CmBenchSize *size = gen->size;
  guint workshop = 0;

  gen->cycles = g_new0 (CyclePlan, size->cycles);
  gen->workshops = g_new0 (WorkshopPlan, size->workshops);

  for (guint i = 0; i < size->cycles; i++)
    {
      CyclePlan *cycle = &gen->cycles[i];
      guint64 next = ((guint64) i + 1) * size->workshops / size->cycles;

      plan_cycle (gen, i, cycle);
      cycle->n_specs = (guint) (((guint64) i + 1) * size->specs / size->cycles -
                                (guint64) i * size->specs / size->cycles);
      cycle->first_workshop = workshop;
      cycle->n_workshops = (guint) next - workshop;

      for (; workshop < next; workshop++)
        plan_workshop (gen, i, &gen->workshops[workshop]);

      /* Within a cycle, workshops are written in the order they happen. */
      qsort (&gen->workshops[cycle->first_workshop], cycle->n_workshops,
             sizeof (WorkshopPlan), compare_workshop_plans);
    }

  allocate_contributions (gen);
}

/* Writing ---------------------------------------------------------------- */

static gboolean
add_participants (Generator  *gen,
                  GError    **error)
{
  static const guint role_weights[] = { 45, 25, 15, 10, 5 };

  for (guint i = 0; i < gen->size->participants; i++)
    {
      g_autoptr(CmParticipant) participant = cm_participant_new ();
      g_autofree char *name = make_name (gen);
      guint roll = pick (gen, 100);
      guint role = 0;
      guint consent_roll = pick (gen, 100);

      for (guint sum = role_weights[0]; roll >= sum; sum += role_weights[++role])
        ;

      cm_participant_set_name (participant, name);
      cm_participant_set_role (participant, (CmParticipantRole) role);
      cm_participant_set_consent (participant,
                                  consent_roll < 25 ? CM_CONSENT_NAMED :
                                  consent_roll < 85 ? CM_CONSENT_ANONYMISED : CM_CONSENT_NONE);

      switch ((CmParticipantRole) role)
        {
        case CM_PARTICIPANT_ROLE_PROVIDER:
          cm_participant_set_organisation (participant, PICK (gen, organisations_provider));
          cm_participant_set_payment_notes (participant, payment_notes[6]);
          break;
        case CM_PARTICIPANT_ROLE_OFFICER:
          {
            g_autofree char *council =
              g_strdup_printf ("%s Council", PICK (gen, councils).area);
            cm_participant_set_organisation (participant, council);
            cm_participant_set_payment_notes (participant, payment_notes[6]);
          }
          break;
        case CM_PARTICIPANT_ROLE_PERSON_USING_SERVICES:
        case CM_PARTICIPANT_ROLE_CARER:
        case CM_PARTICIPANT_ROLE_OTHER:
        default:
          cm_participant_set_organisation (participant, PICK (gen, organisations_community));
          cm_participant_set_payment_notes (participant, payment_notes[pick (gen, 6)]);
          break;
        }

      if (chance (gen, 0.3))
        {
          g_autofree char *needs = g_strdup (PICK (gen, access_needs));

          if (chance (gen, 0.3))
            {
              g_autofree char *more = g_strdup_printf ("%s; %s", needs, PICK (gen, access_needs));
              g_free (g_steal_pointer (&needs));
              needs = g_steal_pointer (&more);
            }
          cm_participant_set_access_needs (participant, needs);
        }

      if (!cm_store_add_participant (gen->store, participant, error))
        return FALSE;

      g_ptr_array_add (gen->participants, g_steal_pointer (&participant));
      if (!wrote_row (gen, error))
        return FALSE;
    }

  return TRUE;
}

static CmActivityStatus
status_for_due_date (Generator   *gen,
                     const GDate *due)
{
  int days = g_date_days_between (&gen->today, due);
  guint roll = pick (gen, 100);

  if (days < -30)
    return roll < 88 ? CM_ACTIVITY_STATUS_DONE :
           roll < 94 ? CM_ACTIVITY_STATUS_NOT_APPLICABLE : CM_ACTIVITY_STATUS_IN_PROGRESS;
  if (days < 60)
    return roll < 55 ? CM_ACTIVITY_STATUS_IN_PROGRESS :
           roll < 80 ? CM_ACTIVITY_STATUS_DONE : CM_ACTIVITY_STATUS_NOT_STARTED;

  return roll < 90 ? CM_ACTIVITY_STATUS_NOT_STARTED : CM_ACTIVITY_STATUS_IN_PROGRESS;
}

static void
fill_activity (Generator  *gen,
               CmActivity *activity,
               guint       index_in_group,
               guint       group_size)
{
  const CyclePlan *cycle = gen->cycle;
  CmStage stage = cm_activity_get_stage (activity);
  const GDate *from = &cycle->stage_start[stage];
  const GDate *to = &cycle->stage_start[stage + 1];
  guint span = g_date_get_julian (to) - g_date_get_julian (from);
  g_autoptr(GDate) due = g_date_copy (from);
  CmCoproductionLevel level = CM_COPRODUCTION_NOT_SET;
  CmActivityStatus status;

  g_date_add_days (due, span * (index_in_group + 1) / (group_size + 1));
  status = status_for_due_date (gen, due);

  cm_activity_set_due_date (activity, due);
  cm_activity_set_status (activity, status);
  cm_activity_set_owner (activity, chance (gen, 0.6) ? cycle->team[pick (gen, 4)]
                                                     : PICK (gen, team_roles));

  /* Designing with people is where the ladder's top rungs belong. */
  if (g_str_has_prefix (cm_activity_get_title (activity), "Design the service"))
    level = chance (gen, 0.5) ? CM_COPRODUCTION_CO_DESIGN : CM_COPRODUCTION_CO_PRODUCTION;
  else if (chance (gen, 0.7))
    level = between (gen, CM_COPRODUCTION_INFORMING, CM_COPRODUCTION_CO_DESIGN);
  cm_activity_set_coproduction_level (activity, level);

  if (status != CM_ACTIVITY_STATUS_NOT_STARTED)
    {
      g_autoptr(GString) notes = g_string_new (NULL);
      guint n_notes = between (gen, 1, 3);
      guint first = pick (gen, G_N_ELEMENTS (evidence[stage]));

      gen->date = due;
      for (guint i = 0; i < n_notes; i++)
        {
          if (i > 0)
            g_string_append_c (notes, '\n');
          append_expanded (gen, notes,
                           evidence[stage][(first + i) % G_N_ELEMENTS (evidence[stage])]);
        }
      cm_activity_set_evidence_notes (activity, notes->str);
      gen->date = &cycle->start;
    }
}

static gboolean
add_cycle (Generator  *gen,
           CmCycle    *cycle,
           GError    **error)
{
  const CyclePlan *plan = gen->cycle;
  g_autoptr(GListModel) activities = NULL;
  g_autofree char *title = NULL;
  guint group_sizes[CM_N_STAGES][CM_N_RINGS] = { { 0 } };
  guint group_index[CM_N_STAGES][CM_N_RINGS] = { { 0 } };
  guint n;

  title = g_strdup_printf ("%s %d–%d (%s)", PICK (gen, cycle_titles), plan->start_year,
                           plan->start_year + plan->years, plan->council->area);
  cm_cycle_set_title (cycle, title);
  cm_cycle_set_service_area (cycle, "Independent advocacy");
  cm_cycle_set_period_start (cycle, &plan->start);
  cm_cycle_set_period_end (cycle, &plan->end);
  cm_cycle_set_lead_officer (cycle, plan->team[0]);
  cm_cycle_set_current_stage (cycle, plan->stage);

  /* The cycle and its template activities are one transaction of their
   * own; filling the activities in starts the next. */
  if (!cm_store_add_cycle_from_default_template (gen->store, cycle, error) ||
      !begin (gen, error))
    return FALSE;

  activities = cm_store_list_activities (gen->store, cm_cycle_get_id (cycle), CM_STAGE_NONE, -1,
                                         error);
  if (activities == NULL)
    return FALSE;

  n = g_list_model_get_n_items (activities);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmActivity) activity = g_list_model_get_item (activities, i);
      group_sizes[cm_activity_get_stage (activity)][cm_activity_get_ring (activity)]++;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmActivity) activity = g_list_model_get_item (activities, i);
      CmStage stage = cm_activity_get_stage (activity);
      CmRing ring = cm_activity_get_ring (activity);
      gint64 id = cm_activity_get_id (activity);

      fill_activity (gen, activity, group_index[stage][ring]++, group_sizes[stage][ring]);
      if (!cm_store_save_activity (gen->store, activity, error) || !wrote_row (gen, error))
        return FALSE;
      g_array_append_val (gen->activity_ids, id);
    }
  g_clear_object (&activities);

  /* Officers add activities of their own to the template's. */
  n = pick (gen, 4);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmActivity) activity = cm_activity_new ();
      gint64 id;

      cm_activity_set_cycle_id (activity, cm_cycle_get_id (cycle));
      cm_activity_set_stage (activity, (CmStage) pick (gen, CM_N_STAGES));
      cm_activity_set_ring (activity, CM_RING_COMMISSIONING);
      cm_activity_set_title (activity, PICK (gen, extra_activities));
      fill_activity (gen, activity, 1, 1);

      if (!cm_store_add_activity (gen->store, activity, error) || !wrote_row (gen, error))
        return FALSE;
      id = cm_activity_get_id (activity);
      g_array_append_val (gen->activity_ids, id);
    }

  return TRUE;
}

static char *
make_section_body (Generator          *gen,
                   const SectionProse *prose)
{
  g_autoptr(GString) body = g_string_new (NULL);
  guint n_paragraphs = between (gen, 3, 5);
  guint next = pick (gen, G_N_ELEMENTS (prose->sentences));

  for (guint p = 0; p < n_paragraphs; p++)
    {
      guint n_sentences = between (gen, 3, 5);

      if (p > 0)
        g_string_append (body, "\n\n");

      for (guint s = 0; s < n_sentences; s++)
        {
          if (s > 0)
            g_string_append_c (body, ' ');

          /* Mostly the section's own sentences, in turn; sometimes a
           * general one built from parts. */
          if (s == 0 || chance (gen, 0.6))
            {
              append_expanded (gen, body, prose->sentences[next]);
              next = (next + 1 + pick (gen, 2)) % G_N_ELEMENTS (prose->sentences);
            }
          else
            {
              g_string_append_printf (body, "%s %s ", PICK (gen, prose_subjects),
                                      PICK (gen, prose_verbs));
              append_expanded (gen, body, PICK (gen, prose_objects));
              g_string_append_c (body, ' ');
              g_string_append (body, PICK (gen, prose_purposes));
            }
        }
    }

  return g_string_free (g_steal_pointer (&body), FALSE);
}

static CmSpecStatus
spec_status_for_stage (Generator *gen,
                       CmStage    stage)
{
  switch (stage)
    {
    case CM_STAGE_ANALYSE:
      return CM_SPEC_STATUS_DRAFT;
    case CM_STAGE_PLAN:
      return chance (gen, 0.6) ? CM_SPEC_STATUS_DRAFT : CM_SPEC_STATUS_CONSULTATION;
    case CM_STAGE_DO:
      return chance (gen, 0.5) ? CM_SPEC_STATUS_APPROVED : CM_SPEC_STATUS_PUBLISHED;
    case CM_STAGE_REVIEW:
      return chance (gen, 0.85) ? CM_SPEC_STATUS_PUBLISHED : CM_SPEC_STATUS_RETIRED;
    case CM_STAGE_NONE:
    default:
      return CM_SPEC_STATUS_DRAFT;
    }
}

static gboolean
add_specs (Generator  *gen,
           CmCycle    *cycle,
           GError    **error)
{
  const CyclePlan *plan = gen->cycle;
  guint first_lot = pick (gen, G_N_ELEMENTS (lots));

  for (guint i = 0; i < plan->n_specs; i++)
    {
      g_autoptr(CmServiceSpec) spec = cm_service_spec_new ();
      const Lot *lot = &lots[(first_lot + i) % G_N_ELEMENTS (lots)];
      g_autofree char *title = NULL;
      g_autoptr(GDateTime) updated_at = NULL;
      CmSpecStatus status = spec_status_for_stage (gen, plan->stage);
      GDate first_edit, last_edit, updated;
      guint n_kpis;
      guint first_kpi;

      if (plan->n_specs > 1)
        title = g_strdup_printf ("Lot %u: %s", i + 1, lot->title);
      else
        title = g_strdup (lot->title);

      /* Last touched in the year before the contract started, or before
       * today if it has not started yet. */
      last_edit = g_date_compare (&gen->today, &plan->start) < 0 ? gen->today : plan->start;
      first_edit = last_edit;
      g_date_subtract_days (&first_edit, 300);
      g_date_clear (&updated, 1);
      date_between (gen, &first_edit, &last_edit, &updated);
      updated_at = g_date_time_new (gen->utc, g_date_get_year (&updated),
                                    g_date_get_month (&updated), g_date_get_day (&updated),
                                    between (gen, 8, 17), between (gen, 0, 59), 0);

      cm_service_spec_set_cycle_id (spec, cm_cycle_get_id (cycle));
      cm_service_spec_set_title (spec, title);
      cm_service_spec_set_advocacy_types (spec, lot->types);
      cm_service_spec_set_status (spec, status);
      cm_service_spec_set_lead (spec, plan->team[pick (gen, 4)]);
      cm_service_spec_set_contract_term (spec, PICK (gen, contract_terms));
      cm_service_spec_set_budget_pence (spec, 100 * 500 * (gint64) between (gen, 60, 2800));
      if (status != CM_SPEC_STATUS_DRAFT || chance (gen, 0.4))
        cm_service_spec_set_procurement_route (spec, (CmProcurementRoute) between (gen, 1, 5));
      cm_service_spec_set_updated_at (spec, updated_at);

      if (!cm_store_add_spec (gen->store, spec, error) || !wrote_row (gen, error))
        return FALSE;

      for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
        {
          g_autoptr(CmSpecSection) section = cm_spec_section_new ();
          g_autofree char *body = make_section_body (gen, &sections[s]);
          gint64 id;

          cm_spec_section_set_spec_id (section, cm_service_spec_get_id (spec));
          cm_spec_section_set_title (section, sections[s].title);
          cm_spec_section_set_body (section, body);

          if (!cm_store_add_section (gen->store, section, error) || !wrote_row (gen, error))
            return FALSE;
          id = cm_spec_section_get_id (section);
          g_array_append_val (gen->section_ids, id);
        }

      n_kpis = between (gen, 6, 10);
      first_kpi = pick (gen, G_N_ELEMENTS (kpis));
      for (guint k = 0; k < n_kpis; k++)
        {
          g_autoptr(CmKpi) kpi = cm_kpi_new ();
          const KpiText *text = &kpis[(first_kpi + k) % G_N_ELEMENTS (kpis)];

          cm_kpi_set_spec_id (kpi, cm_service_spec_get_id (spec));
          cm_kpi_set_measure (kpi, text->measure);
          cm_kpi_set_target (kpi, text->target);
          cm_kpi_set_frequency (kpi, text->frequency);
          cm_kpi_set_source (kpi, text->source);

          if (!cm_store_add_kpi (gen->store, kpi, error) || !wrote_row (gen, error))
            return FALSE;
        }
    }

  return TRUE;
}

static char *
make_saying_text (Generator     *gen,
                  const Saying  *saying)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean question = saying->kind == CM_CONTRIBUTION_KIND_QUESTION;

  if (chance (gen, 0.15))
    g_string_append (text, PICK (gen, saying_openings));
  g_string_append (text, saying->text);
  if (saying->kind == CM_CONTRIBUTION_KIND_IDEA && chance (gen, 0.25))
    append_expanded (gen, text, PICK (gen, idea_endings));
  else if (!question && saying->kind != CM_CONTRIBUTION_KIND_IDEA && chance (gen, 0.35))
    append_expanded (gen, text, PICK (gen, saying_endings));

  /* Typed live, the full stop is often left off. */
  if (question)
    g_string_append_c (text, '?');
  else if (chance (gen, 0.75))
    g_string_append_c (text, '.');

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Keeps a fair sample of the cycle's contributions for its actions to
 * answer. */
static void
keep_contribution (Generator      *gen,
                   CmContribution *contribution)
{
  guint slot;

  gen->n_seen++;
  if (gen->kept->len < KEPT_PER_CYCLE)
    {
      g_ptr_array_add (gen->kept, g_object_ref (contribution));
      return;
    }

  slot = pick (gen, gen->n_seen);
  if (slot < KEPT_PER_CYCLE)
    {
      g_object_unref (g_ptr_array_index (gen->kept, slot));
      g_ptr_array_index (gen->kept, slot) = g_object_ref (contribution);
    }
}

static gboolean
add_contributions (Generator           *gen,
                   CmWorkshop          *workshop,
                   const WorkshopPlan  *plan,
                   const guint         *attendees,
                   guint                n_attendees,
                   GError             **error)
{
  guint n = plan->n_contributions;
  gint64 duration = (plan->big ? 6 : 2) * G_TIME_SPAN_HOUR / G_TIME_SPAN_SECOND;
  double step = n > 0 ? (double) duration / n : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmContribution) contribution = cm_contribution_new ();
      const Saying *saying = &PICK (gen, sayings);
      g_autofree char *text = make_saying_text (gen, saying);
      g_auto(GStrv) themes = g_strsplit (saying->themes, " ", -1);
      g_autoptr(GDateTime) captured_at = NULL;
      CmStage stage = saying->stage;

      if (chance (gen, 0.1))
        {
          const char *extra = PICK (gen, extra_themes);

          if (!g_strv_contains ((const char * const *) themes, extra))
            {
              guint length = g_strv_length (themes);

              themes = g_renew (char *, themes, length + 2);
              themes[length] = g_strdup (extra);
              themes[length + 1] = NULL;
            }
        }

      if (stage != CM_STAGE_NONE && chance (gen, 0.35))
        stage = CM_STAGE_NONE;

      captured_at = g_date_time_add_seconds (plan->starts_at,
                                             step * i + g_rand_double (gen->rand) * step);

      cm_contribution_set_workshop_id (contribution, cm_workshop_get_id (workshop));
      cm_contribution_set_text (contribution, text);
      cm_contribution_set_kind (contribution, saying->kind);
      cm_contribution_set_stage (contribution, stage);
      cm_contribution_set_themes (contribution, (const char * const *) themes);
      cm_contribution_set_captured_at (contribution, captured_at);
      cm_contribution_set_pinned (contribution, chance (gen, 0.015));

      /* Some people speak much more than others; some things are said by
       * the room as a whole. */
      if (n_attendees > 0 && chance (gen, 0.88))
        {
          guint who = (guint) (n_attendees * pow (g_rand_double (gen->rand), 1.8));
          CmParticipant *speaker = g_ptr_array_index (gen->participants, attendees[who]);

          cm_contribution_set_participant_id (contribution, cm_participant_get_id (speaker));
        }

      if (!cm_store_add_contribution (gen->store, contribution, error) ||
          !wrote_row (gen, error))
        return FALSE;

      keep_contribution (gen, contribution);
    }

  return TRUE;
}

static gboolean
add_workshops (Generator  *gen,
               CmCycle    *cycle,
               GError    **error)
{
  const CyclePlan *plan = gen->cycle;
  guint n_participants = gen->participants->len;

  for (guint w = 0; w < plan->n_workshops; w++)
    {
      const WorkshopPlan *wplan = &gen->workshops[plan->first_workshop + w];
      g_autoptr(CmWorkshop) workshop = cm_workshop_new ();
      g_autofree char *title = NULL;
      g_autofree char *venue = NULL;
      g_autofree char *purpose = NULL;
      g_autoptr(GString) access = g_string_new (NULL);
      guint n_attendees;

      gen->town = plan->council->towns[pick (gen, 2)];
      if (wplan->big)
        title = expand (gen, PICK (gen, big_workshop_titles));
      else
        {
          g_autofree char *base = expand (gen, PICK (gen, workshop_titles));
          title = g_strdup_printf ("%s (%s)", base, gen->town);
        }
      venue = expand (gen, PICK (gen, venues));
      purpose = expand (gen, PICK (gen, purposes));

      /* Neighbouring items, so that none is listed twice. */
      for (guint i = 0, n = between (gen, 2, 5), first = pick (gen, G_N_ELEMENTS (access_items));
           i < n; i++)
        g_string_append_printf (access, "%s%s", i ? "; " : "",
                                access_items[(first + i) % G_N_ELEMENTS (access_items)]);
      g_string_append_c (access, '.');

      cm_workshop_set_cycle_id (workshop, cm_cycle_get_id (cycle));
      cm_workshop_set_title (workshop, title);
      cm_workshop_set_starts_at (workshop, wplan->starts_at);
      cm_workshop_set_venue (workshop, venue);
      cm_workshop_set_facilitator (workshop, chance (gen, 0.7) ? plan->team[pick (gen, 4)]
                                                               : PICK (gen, team_roles));
      cm_workshop_set_purpose (workshop, purpose);
      cm_workshop_set_access_arrangements (workshop, access->str);
      cm_workshop_set_state (workshop, wplan->state);

      if (!cm_store_add_workshop (gen->store, workshop, error) || !wrote_row (gen, error))
        return FALSE;

      /* Who came: a partial shuffle picks distinct people. */
      n_attendees = MIN (n_participants, wplan->big ? (guint) between (gen, 60, 150)
                                                    : (guint) between (gen, 6, 24));
      for (guint i = 0; i < n_attendees; i++)
        {
          guint j = i + pick (gen, n_participants - i);
          guint swap = gen->shuffled[i];
          CmParticipant *participant;

          gen->shuffled[i] = gen->shuffled[j];
          gen->shuffled[j] = swap;
          participant = g_ptr_array_index (gen->participants, gen->shuffled[i]);

          if (!cm_store_set_attendance (gen->store, workshop, participant, TRUE, error) ||
              !wrote_row (gen, error))
            return FALSE;
        }

      if (!add_contributions (gen, workshop, wplan, gen->shuffled, n_attendees, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_actions (Generator  *gen,
             CmCycle    *cycle,
             GError    **error)
{
  guint n;

  if (gen->kept->len == 0)
    return TRUE;

  n = between (gen, 3, 12);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmAction) action = cm_action_new ();
      g_autofree char *response = NULL;
      g_autoptr(GDate) due = g_date_copy (&gen->cycle->start);
      guint roll = pick (gen, 100);
      guint n_links = between (gen, 1, 4);

      gen->town = gen->cycle->council->towns[0];
      response = expand (gen, PICK (gen, responses));
      g_date_add_days (due, pick (gen, 365));

      cm_action_set_cycle_id (action, cm_cycle_get_id (cycle));
      cm_action_set_response (action, response);
      cm_action_set_owner (action, gen->cycle->team[pick (gen, 4)]);
      cm_action_set_due_date (action, due);

      if (roll < 50)
        cm_action_set_state (action, CM_ACTION_STATE_DONE);
      else if (roll < 85)
        cm_action_set_state (action, CM_ACTION_STATE_OPEN);
      else
        {
          g_autofree char *reason = expand (gen, PICK (gen, not_possible_reasons));

          cm_action_set_state (action, CM_ACTION_STATE_NOT_POSSIBLE);
          cm_action_set_reason (action, reason);
        }

      if (gen->activity_ids->len > 0 && chance (gen, 0.5))
        cm_action_set_activity_id (action, g_array_index (gen->activity_ids, gint64,
                                                          pick (gen, gen->activity_ids->len)));
      if (gen->section_ids->len > 0 && chance (gen, 0.4))
        cm_action_set_section_id (action, g_array_index (gen->section_ids, gint64,
                                                         pick (gen, gen->section_ids->len)));

      if (!cm_store_add_action (gen->store, action, error) || !wrote_row (gen, error))
        return FALSE;

      for (guint l = 0; l < n_links; l++)
        {
          CmContribution *said = g_ptr_array_index (gen->kept, pick (gen, gen->kept->len));

          if (!cm_store_link_action_contribution (gen->store, action, said, TRUE, error) ||
              !wrote_row (gen, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_cycle (Generator  *gen,
             guint       index,
             GError    **error)
{
  g_autoptr(CmCycle) cycle = cm_cycle_new ();

  gen->cycle = &gen->cycles[index];
  gen->town = gen->cycle->council->towns[0];
  gen->date = &gen->cycle->start;
  g_array_set_size (gen->activity_ids, 0);
  g_array_set_size (gen->section_ids, 0);
  g_ptr_array_set_size (gen->kept, 0);
  gen->n_seen = 0;

  if (!add_cycle (gen, cycle, error) ||
      !add_specs (gen, cycle, error) ||
      !add_workshops (gen, cycle, error) ||
      !add_actions (gen, cycle, error) ||
      !commit (gen, error))
    {
      rollback (gen);
      return FALSE;
    }

  return TRUE;
}

/* A few people later asked for their details to be removed. */
static gboolean
erase_some_participants (Generator  *gen,
                         GError    **error)
{
  guint n = gen->participants->len / 100;

  if (n == 0)
    return TRUE;

  /* Each erasure is a transaction of its own, as in the app. */
  for (guint i = 0; i < n; i++)
    {
      CmParticipant *participant = g_ptr_array_index (gen->participants,
                                                      pick (gen, gen->participants->len));

      if (!cm_participant_get_erased (participant) &&
          !cm_store_erase_participant (gen->store, participant, error))
        return FALSE;
    }

  return TRUE;
}

static void
generator_clear (Generator *gen)
{
  for (guint i = 0; gen->cycles != NULL && i < gen->size->cycles; i++)
    {
      for (guint t = 0; t < G_N_ELEMENTS (gen->cycles[i].team); t++)
        g_free (gen->cycles[i].team[t]);
    }
  for (guint i = 0; gen->workshops != NULL && i < gen->size->workshops; i++)
    g_clear_pointer (&gen->workshops[i].starts_at, g_date_time_unref);

  g_clear_pointer (&gen->cycles, g_free);
  g_clear_pointer (&gen->workshops, g_free);
  g_clear_pointer (&gen->shuffled, g_free);
  g_clear_pointer (&gen->participants, g_ptr_array_unref);
  g_clear_pointer (&gen->activity_ids, g_array_unref);
  g_clear_pointer (&gen->section_ids, g_array_unref);
  g_clear_pointer (&gen->kept, g_ptr_array_unref);
  g_clear_pointer (&gen->utc, g_time_zone_unref);
  g_clear_pointer (&gen->rand, g_rand_free);
}

/* Public API ------------------------------------------------------------- */

void
cm_bench_size_init_default (CmBenchSize *size)
{
  g_return_if_fail (size != NULL);

  size->cycles = 50;
  size->specs = 500;
  size->workshops = 2000;
  size->contributions = 100000;
  size->participants = 3000;
}

gboolean
cm_bench_generate (CmStore            *store,
                   const CmBenchSize  *size,
                   guint32             seed,
                   GError            **error)
{
  Generator gen = { 0 };
  gboolean ok;

  g_return_val_if_fail (CM_IS_STORE (store), FALSE);
  g_return_val_if_fail (size != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (size->cycles == 0 && (size->specs > 0 || size->workshops > 0))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "Specifications and workshops need at least one cycle");
      return FALSE;
    }
  if (size->workshops == 0 && size->contributions > 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "Contributions need at least one workshop");
      return FALSE;
    }

  gen.store = store;
  gen.size = size;
  gen.rand = g_rand_new_with_seed (seed);
  gen.utc = g_time_zone_new_utc ();
  g_date_clear (&gen.today, 1);
  g_date_set_dmy (&gen.today, TODAY_DAY, TODAY_MONTH, TODAY_YEAR);
  gen.participants = g_ptr_array_new_with_free_func (g_object_unref);
  gen.shuffled = g_new (guint, MAX (size->participants, 1));
  for (guint i = 0; i < size->participants; i++)
    gen.shuffled[i] = i;
  gen.activity_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen.section_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen.kept = g_ptr_array_new_with_free_func (g_object_unref);

  make_plans (&gen);

  ok = begin (&gen, error);
  if (ok && (!add_participants (&gen, error) || !commit (&gen, error)))
    {
      rollback (&gen);
      ok = FALSE;
    }

  for (guint i = 0; ok && i < size->cycles; i++)
    ok = write_cycle (&gen, i, error);

  ok = ok && erase_some_participants (&gen, error);

  generator_clear (&gen);
  return ok;
}

static int
compare_by_size (gconstpointer a,
                 gconstpointer b)
{
  const CmBenchWorkshop *first = a;
  const CmBenchWorkshop *second = b;

  if (first->n_contributions != second->n_contributions)
    return first->n_contributions > second->n_contributions ? -1 : 1;

  return first->workshop_id < second->workshop_id ? -1 : first->workshop_id > second->workshop_id;
}

GArray *
cm_bench_list_workshops_by_size (CmStore  *store,
                                 GError  **error)
{
  g_autoptr(GArray) result = g_array_new (FALSE, FALSE, sizeof (CmBenchWorkshop));
  g_autoptr(GListModel) cycles = NULL;

  g_return_val_if_fail (CM_IS_STORE (store), NULL);

  cycles = cm_store_list_cycles (store, error);
  if (cycles == NULL)
    return NULL;

  for (guint c = 0; c < g_list_model_get_n_items (cycles); c++)
    {
      g_autoptr(CmCycle) cycle = g_list_model_get_item (cycles, c);
      g_autoptr(GListModel) workshops = NULL;

      workshops = cm_store_list_workshops (store, cm_cycle_get_id (cycle), error);
      if (workshops == NULL)
        return NULL;

      for (guint w = 0; w < g_list_model_get_n_items (workshops); w++)
        {
          g_autoptr(CmWorkshop) workshop = g_list_model_get_item (workshops, w);
          CmBenchWorkshop item;

          item.workshop_id = cm_workshop_get_id (workshop);
          item.cycle_id = cm_cycle_get_id (cycle);
          item.n_contributions = cm_store_count_contributions (store, item.workshop_id, error);
          if (item.n_contributions < 0)
            return NULL;

          g_array_append_val (result, item);
        }
    }

  g_array_sort (result, compare_by_size);
  return g_steal_pointer (&result);
}

gint64
cm_bench_find_biggest_workshop (CmStore  *store,
                                gint64   *n_contributions,
                                GError  **error)
{
  g_autoptr(GArray) workshops = NULL;
  const CmBenchWorkshop *biggest;

  g_return_val_if_fail (CM_IS_STORE (store), 0);

  if (n_contributions != NULL)
    *n_contributions = 0;

  workshops = cm_bench_list_workshops_by_size (store, error);
  if (workshops == NULL || workshops->len == 0)
    return 0;

  biggest = &g_array_index (workshops, CmBenchWorkshop, 0);
  if (biggest->n_contributions == 0)
    return 0;

  if (n_contributions != NULL)
    *n_contributions = biggest->n_contributions;
  return biggest->workshop_id;
}
