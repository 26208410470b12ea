//! One component per route.

mod author;
mod catalogue;
mod export;
mod home;
mod module;
mod not_found;

pub use author::AuthorPage;
pub use catalogue::CataloguePage;
pub use export::ExportPage;
pub use home::HomePage;
pub use module::ModulePage;
pub use not_found::NotFound;
