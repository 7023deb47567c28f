//! Where a selection or a scroll offset goes for the movement keys, the same in every list
//! and pager.

use crate::tui::action::Action;

/// The new position for a movement action from `pos`, within `0..=last`, with pages of
/// `page` rows; `None` when `a` is not a movement.
pub fn moved(a: Action, pos: usize, last: usize, page: usize) -> Option<usize> {
    Some(match a {
        Action::Down => (pos + 1).min(last),
        Action::Up => pos.saturating_sub(1),
        Action::First => 0,
        Action::Last => last,
        Action::PageDown => (pos + page).min(last),
        Action::PageUp => pos.saturating_sub(page),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn movements_stay_within_bounds_and_others_are_not_movements() {
        assert_eq!(moved(Action::Down, 4, 4, 3), Some(4));
        assert_eq!(moved(Action::Down, 1, 4, 3), Some(2));
        assert_eq!(moved(Action::Up, 0, 4, 3), Some(0));
        assert_eq!(moved(Action::PageDown, 2, 4, 3), Some(4));
        assert_eq!(moved(Action::PageUp, 5, 9, 3), Some(2));
        assert_eq!(moved(Action::PageUp, 2, 9, 3), Some(0));
        assert_eq!(moved(Action::First, 7, 9, 3), Some(0));
        assert_eq!(moved(Action::Last, 0, 9, 3), Some(9));
        assert_eq!(moved(Action::Open, 0, 9, 3), None);
    }
}
