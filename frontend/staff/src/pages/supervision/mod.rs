//! Supervision's staff pages (督查督办): tasks by deadline (a unit's inbox,
//! the office's lists), items, registering one, an item with its tasks and
//! what each side does with them, slips and their print view, the
//! dashboard, and the publications with the default limits.

pub mod dashboard;
pub mod decompose;
pub mod item;
pub mod items;
pub mod publications;
pub mod register;
pub mod slips;
pub mod task_actions;
pub mod task_card;
pub mod tasks;

use shared::supervision::Colour;

/// A task's colour in words (the row's colour says the same).
pub fn colour_zh(c: Colour) -> &'static str {
    match c {
        Colour::Red => "红色：已逾期",
        Colour::Yellow => "黄色：临近期限",
        Colour::Blue => "蓝色：进度滞后",
        Colour::None => "正常",
    }
}

/// The row class of a colour (the yellow and red cards' styles).
pub fn colour_class(c: Colour) -> &'static str {
    match c {
        Colour::Red => "red",
        Colour::Yellow => "yellow",
        Colour::Blue => "blue",
        Colour::None => "",
    }
}
