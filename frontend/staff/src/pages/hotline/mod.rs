//! The hotline's staff pages: tickets (the office's queue, a unit's inbox),
//! taking a call, one ticket and what each side does with it, the dispatch
//! catalogue, the knowledge base, the figures and the Open311 partners.

pub mod categories;
pub mod dispose;
pub mod figures;
pub mod intake;
pub mod knowledge;
pub mod list;
pub mod lookup;
pub mod partners;
pub mod ticket;
pub mod ticket_actions;
pub mod ticket_record;
pub mod ticket_review;
