//! One component per route.

mod catalogue;
mod export;
mod home;
mod module;
mod not_found;

pub use catalogue::CataloguePage;
pub use export::ExportPage;
pub use home::HomePage;
pub use module::ModulePage;
pub use not_found::NotFound;
