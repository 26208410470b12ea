//! The fixed vocabularies that modules, the checker and the learner's
//! profile share: career stages, professions, AI archetypes and the
//! competence framework.
//!
//! They are defined once, so that the module validator, the `/author`
//! page, the self-assessment and every export agree on the same ids.
//! Adding a profession is a one-line change in this file; the capability
//! framework's domains and levels are data in `rules/framework.toml`.
//! Regulators are the files in `rules/regulators/` (see `revalidation`).

/// A stable id paired with the words a person reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub id: &'static str,
    pub label: &'static str,
}

/// Career stages a module can serve, from student to leader.
pub const STAGES: &[Term] = &[
    Term { id: "pre-registration", label: "Pre-registration student" },
    Term { id: "registrant", label: "Registrant" },
    Term { id: "specialist", label: "Specialist or service-specific" },
    Term { id: "leader", label: "Leader or AI champion" },
];

/// Professions a module can be written for. `all` in a module's
/// `professions` means every one of these.
pub const PROFESSIONS: &[Term] = &[
    Term { id: "medicine", label: "Medicine" },
    Term { id: "nursing", label: "Nursing" },
    Term { id: "midwifery", label: "Midwifery" },
    Term { id: "radiography", label: "Radiography" },
    Term { id: "paramedicine", label: "Paramedicine" },
    Term { id: "pharmacy", label: "Pharmacy" },
    Term { id: "dentistry", label: "Dentistry" },
    Term { id: "social-work", label: "Social work" },
    Term { id: "allied-health", label: "Allied health (other)" },
    Term { id: "physiotherapy", label: "Physiotherapy" },
    Term { id: "occupational-therapy", label: "Occupational therapy" },
    Term { id: "social-care", label: "Social care (care homes and home care)" },
    Term { id: "pharmacy-technician", label: "Pharmacy technician" },
    Term { id: "optometry", label: "Optometry and dispensing optics" },
    Term { id: "physician-associate", label: "Physician associate" },
    Term { id: "anaesthesia-associate", label: "Anaesthesia associate" },
];

/// Professions that belong to a wider group a module may name instead:
/// a module written for `allied-health` also serves physiotherapists and
/// occupational therapists, so adding the narrower ids hides nothing that
/// served them before.
pub const PROFESSION_GROUPS: &[(&str, &str)] =
    &[("physiotherapy", "allied-health"), ("occupational-therapy", "allied-health")];

/// The group `profession` belongs to, if any.
pub fn profession_group(profession: &str) -> Option<&'static str> {
    PROFESSION_GROUPS.iter().find(|(member, _)| *member == profession).map(|(_, group)| *group)
}

/// The word a module uses to mean "every profession".
pub const ALL_PROFESSIONS: &str = "all";

pub use crate::domain::rules::{CompetenceDomain, Level, SubDomain};

/// The AI and Digital Healthcare Technologies Capability Framework's domains (HEE/NHS England with the University
/// of Manchester, 2023), as `rules/framework.toml` lists them: six domains, eleven sub-domains in all (digital
/// implementation is not divided).
pub fn competence_domains() -> &'static [CompetenceDomain] {
    &crate::domain::shipped_rules::rules().framework.domains
}

/// The framework's knowledge levels, lowest (level 1) first, each with what it means in plain words for
/// self-assessment. The framework orders its levels by Bloom's digital taxonomy; the descriptors are Praxis's own.
pub fn levels() -> &'static [Level] {
    &crate::domain::shipped_rules::rules().framework.levels
}

/// The level numbers a module or a rating may use: 1 to the number of [`levels`].
pub fn competence_levels() -> std::ops::RangeInclusive<u8> {
    1..=u8::try_from(levels().len()).unwrap_or(u8::MAX)
}

/// One thing a learner rates in a self-assessment: a sub-domain, or a
/// domain that the framework does not divide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentArea {
    /// `domain` or `domain/sub-domain`.
    pub id: String,
    pub label: &'static str,
    pub domain: &'static CompetenceDomain,
}

/// Every area a self-assessment rates (twelve: the eleven sub-domains and
/// the undivided digital implementation domain), in framework order. Made
/// once: the dashboard reads them for each of a career's assessments.
pub fn assessment_areas() -> &'static [AssessmentArea] {
    static AREAS: std::sync::OnceLock<Vec<AssessmentArea>> = std::sync::OnceLock::new();
    AREAS.get_or_init(|| {
        competence_domains()
            .iter()
            .flat_map(|domain| {
                let whole = AssessmentArea { id: domain.id.clone(), label: &domain.label, domain };
                let parts: Vec<AssessmentArea> = domain
                    .sub_domains
                    .iter()
                    .map(|sub| AssessmentArea { id: format!("{}/{}", domain.id, sub.id), label: &sub.label, domain })
                    .collect();
                if parts.is_empty() {
                    vec![whole]
                } else {
                    parts
                }
            })
            .collect()
    })
}

/// The roles people play around AI in health and care, from the HEE and
/// NHS AI Lab report on developing healthcare workers' confidence in AI
/// (2022). Descriptions are Praxis's own summaries.
pub const ARCHETYPES: &[Term] = &[
    Term { id: "shapers", label: "Shapers: leaders, regulators, policy makers and educators who set direction" },
    Term {
        id: "drivers",
        label: "Drivers: commissioners and transformation or digital leads who fund and steer adoption",
    },
    Term { id: "creators", label: "Creators: clinical and data scientists, engineers and researchers who build AI" },
    Term { id: "embedders", label: "Embedders: IT, data and clinical safety teams who put AI into services" },
    Term { id: "users", label: "Users: clinicians and other staff who use AI in their work" },
];

/// Finds the term with `id` in `terms`.
pub fn find(terms: &'static [Term], id: &str) -> Option<&'static Term> {
    terms.iter().find(|term| term.id == id)
}

/// Finds a competence domain by id.
pub fn find_domain(id: &str) -> Option<&'static CompetenceDomain> {
    competence_domains().iter().find(|domain| domain.id == id)
}

/// The ids of `terms`, comma-separated, for "known ones are …" messages.
pub fn id_list(terms: &[Term]) -> String {
    terms.iter().map(|term| term.id).collect::<Vec<_>>().join(", ")
}

/// The ids of every competence domain, comma-separated.
pub fn domain_id_list() -> String {
    competence_domains().iter().map(|domain| domain.id.as_str()).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_framework_has_six_domains_and_eleven_sub_domains() {
        assert_eq!(competence_domains().len(), 6);
        // The framework's own count: only digital implementation is undivided,
        // and human factors has a single sub-domain (management, leadership
        // and planning), which Praxis rates as the domain.
        let sub_domains: usize = competence_domains().iter().map(|d| d.sub_domains.len()).sum();
        assert_eq!(sub_domains + 1, 11);
        let ethics = find_domain("ethical-legal-regulatory").unwrap();
        assert_eq!(
            ethics.sub_domains.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["ethics", "legislation-regulation"]
        );
    }

    #[test]
    fn an_assessment_rates_each_sub_domain_or_undivided_domain() {
        let areas = assessment_areas();
        assert_eq!(areas.len(), 12);
        assert_eq!(areas[0].id, "digital-implementation");
        assert_eq!(areas[1].id, "digital-health-for-patients/direct-care");
        assert!(areas.iter().all(|a| a.id.starts_with(&a.domain.id)));
    }

    #[test]
    fn ids_are_unique_within_each_vocabulary() {
        for terms in [STAGES, PROFESSIONS, ARCHETYPES] {
            let mut ids: Vec<_> = terms.iter().map(|t| t.id).collect();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), terms.len());
        }
    }

    #[test]
    fn lookups_find_known_ids_and_reject_unknown_ones() {
        assert_eq!(find(STAGES, "leader").map(|t| t.label), Some("Leader or AI champion"));
        assert!(find(PROFESSIONS, "astrology").is_none());
        assert_eq!(profession_group("physiotherapy"), Some("allied-health"));
        assert_eq!(profession_group("nursing"), None);
        assert!(PROFESSION_GROUPS
            .iter()
            .all(|(member, group)| find(PROFESSIONS, member).is_some() && find(PROFESSIONS, group).is_some()));
        assert!(find_domain("human-factors").is_some());
        assert!(find_domain("human_factors").is_none());
    }
}
