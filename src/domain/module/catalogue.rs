//! The set of modules that ship together, and the checks that need more
//! than one file: unique ids, prerequisites and links that resolve,
//! images that ship, review dates that have not passed.

use serde::Serialize;

use super::images::{self, ShippedImages};
use super::{parse_module, Diagnostic, Kind, Module, Report};
use crate::domain::framework;
use crate::domain::page::Page;

/// The heading and introduction of `/modules`.
pub const TITLE: &str = "Modules and case studies";
pub const INTRODUCTION: &str =
    "A pathway from your first placement to leading a service, and case studies from practice.";
pub const CASE_STUDIES: &str = "Case studies";

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalogue {
    modules: Vec<Module>,
}

impl Catalogue {
    /// The modules `from_sources` kept, as `build.rs` serialized them.
    pub fn from_parsed(modules: Vec<Module>) -> Catalogue {
        Catalogue { modules }
    }

    /// Parses and checks a set of module files given as `(path, text)`,
    /// without the images folder: each image is a warning that it was not
    /// checked (`from_sources_and_images` checks them).
    pub fn from_sources<P: AsRef<str>, S: AsRef<str>>(
        sources: &[(P, S)],
        today: time::Date,
    ) -> (Catalogue, Vec<Diagnostic>) {
        Catalogue::from_sources_and_images(sources, ShippedImages::Unseen, today)
    }

    /// Parses and checks a set of module files given as `(path, text)`,
    /// with the image files that ship beside them. Only modules without
    /// errors are kept; `today` decides which review dates have passed.
    pub fn from_sources_and_images<P: AsRef<str>, S: AsRef<str>>(
        sources: &[(P, S)],
        images: ShippedImages,
        today: time::Date,
    ) -> (Catalogue, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let mut modules: Vec<Module> = Vec::new();
        for (path, source) in sources {
            let (path, source) = (path.as_ref(), source.as_ref());
            let (module, found) = parse_module(path, source);
            let has_errors = found.iter().any(Diagnostic::is_error);
            diagnostics.extend(found);
            let Some(module) = module else { continue };
            if let Some(first) = modules.iter().find(|m| m.id == module.id) {
                let mut report = Report::new(path, source);
                report.error(
                    1,
                    format!("the id `{}` is already used by {}: ids must be unique", module.id, first.source_path),
                );
                diagnostics.extend(report.diagnostics);
                continue;
            }
            if !has_errors {
                modules.push(module);
            }
        }
        let catalogue = Catalogue { modules };
        for module in &catalogue.modules {
            diagnostics.extend(catalogue.cross_check(module, images, today));
        }
        diagnostics.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        (catalogue, diagnostics)
    }

    /// Checks one file being written (on `/author`) against this
    /// catalogue. Reusing an existing id is only a warning: the author
    /// may be editing that very module. The browser cannot see
    /// `modules/images/`, so images are warnings that they were not checked.
    pub fn check_draft(&self, path: &str, text: &str, today: time::Date) -> (Option<Module>, Vec<Diagnostic>) {
        let (module, mut diagnostics) = parse_module(path, text);
        if let Some(module) = &module {
            diagnostics.extend(self.cross_check(module, ShippedImages::Unseen, today));
            if let Some(existing) = self.get(&module.id) {
                let mut report = Report::new(path, text);
                report.warning(
                    1,
                    format!(
                        "the id `{}` is already used by {}: that is right if you are editing it, otherwise choose a new id",
                        module.id, existing.source_path
                    ),
                );
                diagnostics.extend(report.diagnostics);
            }
        }
        diagnostics.sort_by_key(|d| d.line);
        (module, diagnostics)
    }

    /// Problems in `module` that only the whole catalogue reveals.
    fn cross_check(&self, module: &Module, images: ShippedImages, today: time::Date) -> Vec<Diagnostic> {
        let mut report = Report::new(&module.source_path, "");
        for prerequisite in &module.prerequisites {
            if self.get(&prerequisite.value).is_none() {
                report.error(
                    prerequisite.line,
                    format!(
                        "prerequisite `{}` is not a module in the catalogue: check the id, or remove it",
                        prerequisite.value
                    ),
                );
            }
        }
        for link in &module.internal_links {
            if link.value.starts_with(&format!("/{}/", images::FOLDER)) {
                images.check(link, "link", &mut report);
            } else if let Some(problem) = self.broken_link(&link.value) {
                report.error(link.line, problem);
            }
        }
        for image in &module.images {
            images.check(image, "image", &mut report);
        }
        if module.review_due < today {
            report.warning(
                1,
                format!(
                    "`review_due` ({}) has passed: review the content, then update `reviewed` and `review_due`",
                    module.review_due
                ),
            );
        }
        report.diagnostics
    }

    /// Why an internal link leads nowhere, if it does.
    fn broken_link(&self, link: &str) -> Option<String> {
        let path = link.split(['#', '?']).next().unwrap_or_default();
        let path = if path.len() > 1 { path.trim_end_matches('/') } else { path };
        if let Some(id) = path.strip_prefix("/modules/") {
            return self
                .get(id)
                .is_none()
                .then(|| format!("broken internal link `{link}`: there is no module with id `{id}`"));
        }
        if Page::from_path(path).is_some() {
            return None;
        }
        Some(format!(
            "broken internal link `{link}`: link to a module as /modules/<id>, or to one of the pages {}",
            Page::ALL.iter().map(|page| page.path()).collect::<Vec<_>>().join(", ")
        ))
    }

    /// The pathway from student to leader: each career stage with the
    /// modules listed under it (a module serving several stages under its
    /// earliest one), foundations first, as `/modules` shows them.
    pub fn pathway(&self) -> Vec<(&'static framework::Term, Vec<&Module>)> {
        let stages = framework::STAGES.iter();
        stages
            .map(|stage| {
                let in_stage = self.modules.iter().filter(|m| m.kind == Kind::Module);
                let mut in_stage: Vec<&Module> =
                    in_stage.filter(|m| m.stages.first().is_some_and(|s| s == stage.id)).collect();
                // A module with prerequisites follows them.
                in_stage.sort_by_key(|m| m.prerequisites.len());
                (stage, in_stage)
            })
            .collect()
    }

    /// The case studies, in the catalogue's order.
    pub fn case_studies(&self) -> Vec<&Module> {
        self.modules.iter().filter(|m| m.kind == Kind::CaseStudy).collect()
    }

    pub fn modules(&self) -> &[Module] {
        &self.modules
    }

    pub fn get(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|module| module.id == id)
    }

    /// The catalogue as `praxis-cli list --json` prints it.
    pub fn entries(&self) -> Vec<CatalogueEntry<'_>> {
        self.modules.iter().map(CatalogueEntry::from).collect()
    }
}

/// What the catalogue says about one module, for listings and tools.
#[derive(Debug, Serialize)]
pub struct CatalogueEntry<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub kind: Kind,
    pub stages: &'a [String],
    /// `["all"]` when the module serves every profession.
    pub professions: Vec<&'a str>,
    pub competences: &'a [super::CompetenceRef],
    pub minutes: u32,
    pub knowledge_checks: usize,
    pub reflection_prompts: usize,
    pub review_due: String,
}

impl<'a> From<&'a Module> for CatalogueEntry<'a> {
    fn from(module: &'a Module) -> Self {
        let professions = if module.professions.is_empty() {
            vec![crate::domain::framework::ALL_PROFESSIONS]
        } else {
            module.professions.iter().map(String::as_str).collect()
        };
        CatalogueEntry {
            id: &module.id,
            title: &module.title,
            kind: module.kind,
            stages: &module.stages,
            professions,
            competences: &module.competences,
            minutes: module.minutes,
            knowledge_checks: module.knowledge_checks().count(),
            reflection_prompts: module.reflection_prompts().count(),
            review_due: module.review_due.to_string(),
        }
    }
}
