//! Evidence leaving the device, in the formats other systems read: the
//! employer's completion spreadsheet, xAPI statements for a learning
//! record store (and sending them to one), and Open Badges. The backup itself is `domain::backup`.

pub mod asc_wds;
pub mod badges;
pub mod csv;
pub mod lrs;
pub mod xapi;
