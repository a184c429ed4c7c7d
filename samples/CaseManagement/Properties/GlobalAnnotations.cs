using SafeShare;

// Assembly-wide SafeShare annotations.
//
// Routine records rely on Schedule 1 Part 1 para 2 (health or social care), which needs no policy
// document. The declared shares, and the council's notes on police disclosures, rely on DPA 2018
// Schedule 1 Part 2 para 18 (safeguarding of children and individuals at risk) for decisions in a case,
// and Part 3 para 36 extends it to criminal offence data. Those conditions are met only when the
// controller has an appropriate policy document in place (Sch. 1 para 5; Part 4 paras 38 and 39), so the
// assembly says where that document is kept. SafeShare reports SAFE006 when this line is missing.
//
// There is deliberately no assembly-wide [LawfulBasis] or [Article9Condition]: each type in Domain/
// names its own statutory gateway (North East Lincolnshire guidance §6: social workers "should clarify whether they are acting
// under Section 17 or Section 47 of the Children Act 1989"), and an assembly-wide default would also
// hide the findings the Legacy/ folder exists to show.
[assembly: AppropriatePolicyDocument("Children's Services APD for special category and criminal offence data, IG-POL-014 v3, held by the Information Governance team")]
