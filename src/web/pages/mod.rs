//! One component per route.

mod author;
mod catalogue;
mod competence;
mod export;
mod home;
mod module;
mod not_found;
mod settings;

pub use author::AuthorPage;
pub use catalogue::CataloguePage;
pub use competence::CompetencePage;
pub use export::ExportPage;
pub use home::HomePage;
pub use module::ModulePage;
pub use not_found::NotFound;
pub use settings::SettingsPage;
