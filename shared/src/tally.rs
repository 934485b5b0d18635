//! `tally!`: a set of counters kept per day (and month) and unit in the
//! same batch as each event, so a period's figures read one row per key
//! and unit however many records there are. Each line of work declares its
//! counters once: the struct the API answers with (`Tally`, or the name
//! given as `struct Name;` first), an enum naming each column, and the
//! Chinese label of each.

macro_rules! tally {
    (struct $tally:ident; $($(#[$doc:meta])* $field:ident: $zh:literal),* $(,)?) => {
        /// The counters, each a column of the counter table.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub struct $tally {
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

        impl $tally {
            pub fn get(&self, c: Counter) -> u64 {
                match c { $(Counter::$field => self.$field),* }
            }
            pub fn set(&mut self, c: Counter, v: u64) {
                match c { $(Counter::$field => self.$field = v),* }
            }
            /// The column names, in the order of [`Counter::ALL`].
            pub fn columns() -> Vec<&'static str> {
                Counter::ALL.iter().map(|c| c.column()).collect()
            }
            /// The Chinese labels, in the order of [`Counter::ALL`].
            pub fn labels() -> Vec<&'static str> {
                Counter::ALL.iter().map(|c| c.zh()).collect()
            }
            /// The counters in the order of [`Counter::ALL`].
            pub fn values(&self) -> Vec<u64> {
                Counter::ALL.iter().map(|c| self.get(*c)).collect()
            }
            /// A tally from values in the order of [`Counter::ALL`] (a
            /// missing one is 0).
            pub fn from_values(values: impl IntoIterator<Item = u64>) -> $tally {
                let mut t = $tally::default();
                for (c, v) in Counter::ALL.iter().zip(values) {
                    t.set(*c, v);
                }
                t
            }
        }
    };
    ($($body:tt)*) => {
        tally! { struct Tally; $($body)* }
    };
}
