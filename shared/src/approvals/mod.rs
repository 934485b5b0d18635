//! The approvals wing: the public catalogue, online applications, cases in
//! the six classes of handling, their views, the evaluation (好差评) and the
//! Center's statistics. Built on the engine; nothing here is another wing's.

pub mod application;
pub mod case;
pub mod evaluation;
pub mod guide;
pub mod matter;
pub mod photo;
pub mod stats;
