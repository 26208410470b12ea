//! One component per route.

mod author;
mod catalogue;
mod competence;
mod cpd;
mod employer;
mod export;
mod home;
mod incidents;
mod module;
mod not_found;
mod portfolio;
mod reflective;
mod revalidation;
mod settings;

pub use author::{AuthorGuidePage, AuthorPage};
pub use catalogue::CataloguePage;
pub use competence::CompetencePage;
pub use cpd::CpdPage;
pub use employer::EmployerPage;
pub use export::ExportPage;
pub use home::HomePage;
pub use incidents::IncidentsPage;
pub use module::{ModulePage, ProgressPanel};
pub use not_found::NotFound;
pub use portfolio::PortfolioPage;
pub use revalidation::RevalidationPage;
pub use settings::SettingsPage;
