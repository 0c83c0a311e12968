//! Seat readings: the bare name of a regional capital ("Lviv") is the city or the region
//! named after it. An article that says which is taken at its word; a mention its article
//! leaves open is read by what the corpus says, whatever the order articles arrive in:
//!
//! 1. the city, once any article calls it a city;
//! 2. else the region, once any article names the region;
//! 3. else the city.
//!
//! The store keeps which places articles named and moves open mentions when the reading
//! changes; this is the rule it applies.

/// What an open mention of a regional capital's bare name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeatReading {
    City,
    Region,
}

/// The reading that holds, given whether any article named the city as a city and
/// whether any named the region.
pub fn seat_reading(city_named: bool, region_named: bool) -> SeatReading {
    if !city_named && region_named {
        SeatReading::Region
    } else {
        SeatReading::City
    }
}

#[cfg(test)]
mod tests {
    use super::{seat_reading, SeatReading};

    #[test]
    fn the_city_unless_only_the_region_was_named() {
        let cases = [
            (false, false, SeatReading::City),
            (false, true, SeatReading::Region),
            (true, false, SeatReading::City),
            (true, true, SeatReading::City),
        ];
        for (city, region, want) in cases {
            assert_eq!(
                seat_reading(city, region),
                want,
                "city {city}, region {region}"
            );
        }
    }
}
