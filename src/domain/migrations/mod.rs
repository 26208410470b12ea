//! Steps that bring stored records written by earlier versions of Praxis up
//! to date, kept apart from `storage` so that the change that makes a step
//! necessary can ship its step beside it. `storage::MIGRATIONS` runs them.

pub mod areas;
