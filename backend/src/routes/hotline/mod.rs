//! The county head's hotline (DOMAIN §3): intake, tickets and what each side
//! does with them, the catalogue and knowledge base, figures, partners.

mod access;
pub mod act;
pub mod catalogue;
pub mod dispose;
pub mod figures;
pub mod intake;
pub mod partners;
pub mod tickets;
mod view;
