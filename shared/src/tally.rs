//! `tally!`: a set of counters kept per day (and month) and unit in the
//! same batch as each event, so a period's figures read one row per key
//! and unit however many records there are. Each line of work declares its
//! counters once: the struct the API answers with, an enum naming each
//! column, and the Chinese label of each.

macro_rules! tally {
    ($($(#[$doc:meta])* $field:ident: $zh:literal),* $(,)?) => {
        /// The counters, each a column of the counter table.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub struct Tally {
            $($(#[$doc])* pub $field: u64,)*
        }

        /// One counter.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(non_camel_case_types)]
        pub enum Counter { $($field),* }

        impl Counter {
            pub const ALL: &'static [Counter] = &[$(Counter::$field),*];
            /// The column name.
            pub fn column(self) -> &'static str {
                match self { $(Counter::$field => stringify!($field)),* }
            }
            pub fn zh(self) -> &'static str {
                match self { $(Counter::$field => $zh),* }
            }
        }

        impl Tally {
            pub fn get(&self, c: Counter) -> u64 {
                match c { $(Counter::$field => self.$field),* }
            }
            pub fn set(&mut self, c: Counter, v: u64) {
                match c { $(Counter::$field => self.$field = v),* }
            }
        }
    };
}
