//! The held-out sets' planting kit: operators and their registry rows, shops, listings, sales,
//! price displays, live sessions, trademarks and truth rows, written as rows per the data standard.
//!
//! Each held-out set (`holdout2.rs`, `holdout3.rs`, `holdout4/`) declares one [`Kit`] constant
//! with its id tag (`h2`, `h3`, …), its truth prefix and its house style (address numbers, the day
//! listings were created, display defaults), and plants through it. The style values are part of
//! each set's output: changing one changes that set's rows (`simulate` is byte-identical per seed
//! only while they stay). The sets written as modules also declare a [`house::House`] (the
//! platforms they found, their return policy, documents and reviews) and a
//! [`brushing::Crowd`] (their brushing rings and genuine buyers); [`referrals::Tree`] draws
//! their referral schemes' members; [`two_homed::Style`] plants their forced-exit cases'
//! operators; `rules` names the rule ids they share.

pub(crate) mod brushing;
pub(crate) mod house;
pub(crate) mod referrals;
pub(crate) mod rules;
pub(crate) mod two_homed;

use serde_json::{Value, json};

use crate::city::{City, DISTRICTS, Listing, ROADS, at, date, order};
use crate::rng::Rng;
use crate::truth::Label;

/// A rule's detector id (`price_fraud.bait_price` → `price_fraud`).
pub(crate) fn detector_of(rule: &str) -> &str {
    rule.split('.').next().unwrap_or(rule)
}

/// The instrument a rule's reasons cite when they give only article numbers (for a kit's
/// `instrument`).
pub(crate) fn instrument(rule: &str) -> &'static str {
    match rule {
        "below_cost.platform_forced" => "反不正当竞争法（2025）",
        "below_cost.sustained" => "价格法",
        "registration_cluster.one_address" => "市场主体登记管理条例",
        _ => match detector_of(rule) {
            "price_fraud" => "明码标价和禁止价格欺诈规定",
            "price_discrimination" => "浙江省电子商务条例",
            "false_advertising" => "广告法",
            "disparagement" | "fake_orders" => "反不正当竞争法",
            "counterfeit" => "商标法",
            "pyramid_scheme" => "禁止传销条例",
            "fair_competition_review" => "公平竞争审查条例",
            "return_refusal" => "消费者权益保护法",
            "serial_complainant" => "消费者权益保护法实施条例",
            _ => "电子商务法",
        },
    }
}

/// A credit code with a registration-department and category prefix (`91` company, `92`
/// individual business); the check character is GB 32100's, or the next one when `valid` is false.
pub(crate) fn code(rng: &mut Rng, prefix: &str, adcode: &str, valid: bool) -> String {
    let chars = tianping_domain::value::USCC_CHARSET;
    let mut body = format!("{prefix}{adcode}");
    for _ in 0..9 {
        body.push(char::from(chars[rng.below(31) as usize]));
    }
    let check = tianping_domain::value::uscc_check_character(&body).unwrap_or('0');
    let position = chars
        .iter()
        .position(|c| char::from(*c) == check)
        .unwrap_or(0);
    let index = if valid { position } else { (position + 1) % 31 };
    body.push(char::from(chars[index]));
    body
}

/// A registry row for an operator (legal representative drawn when `rep` is `None`).
#[allow(clippy::too_many_arguments)]
pub(crate) fn registry(
    city: &mut City,
    rng: &mut Rng,
    uscc: &str,
    name: &str,
    entity: &str,
    address: &str,
    adcode: &str,
    status: &str,
    established: i64,
    rep: Option<&str>,
) {
    let rep = rep.map_or_else(|| rng.hex64(), str::to_string);
    city.add("registry", "registry", json!({
        "uscc": uscc, "name": name, "entity_type": entity, "legal_rep_pid": rep, "address": address,
        "adcode": adcode, "established_on": date(established), "status": status,
        "business_scope": "日用百货、食品、服装、电子产品销售", "registered_capital_fen": rng.range(1_000_000, 80_000_000),
        "annual_report_filed": status == "active" && established < -365,
    }));
}

/// How a set writes a shop operator's registry row.
#[derive(Debug, Clone, Copy)]
pub(crate) enum RegistryStyle {
    /// Fixed scope and capital, the representative drawn before the establishment day.
    Fixed,
    /// Through [`registry`]: establishment day first, capital drawn.
    Drawn,
}

/// How a set writes its live sessions.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LiveStyle {
    /// Start and end, seconds after the day's midnight.
    pub(crate) hours: (i64, i64),
    /// Range of peak viewers.
    pub(crate) viewers: (i64, i64),
    /// Range of GMV in fen.
    pub(crate) gmv: (i64, i64),
}

/// One held-out set's tag, truth prefix and house style.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Kit {
    /// Id tag: merchants `<platform>-<tag>-…`, listings and orders `<tag>-…`.
    pub(crate) tag: &'static str,
    /// Every truth `why` starts with `<set>: `.
    pub(crate) set: &'static str,
    /// When set, a reason naming no instrument gets the one this gives for its rule.
    pub(crate) instrument: Option<fn(&str) -> &'static str>,
    /// Range of house numbers in drawn addresses.
    pub(crate) house_numbers: (i64, i64),
    /// The day listings were created.
    pub(crate) listed_day: i64,
    /// Appended to a natural person's name.
    pub(crate) natural_suffix: &'static str,
    /// Appended to an individual business's name.
    pub(crate) individual_suffix: &'static str,
    /// How shop operators' registry rows are written.
    pub(crate) registry: RegistryStyle,
    /// Default annual turnover of a shop.
    pub(crate) turnover: i64,
    /// Default second of day and viewer division of a price display.
    pub(crate) display: (i64, &'static str),
    /// Live sessions.
    pub(crate) live: LiveStyle,
    /// `valid_to` of trademarks.
    pub(crate) mark_valid_to: &'static str,
}

/// Names of instruments a reason may already cite.
const INSTRUMENTS: &[&str] = &[
    "广告法",
    "价格法",
    "商标法",
    "电子商务法",
    "电子商务条例",
    "消费者权益保护法",
    "反不正当竞争法",
    "明码标价",
    "公平竞争审查条例",
    "禁止传销条例",
    "网络交易监督管理办法",
    "暂行办法",
    "审查管理",
    "登记管理条例",
    "反垄断指南",
    "指南",
    "GB",
    "条例",
    "监督管理",
];

/// A planted operator with a shop on one platform.
pub(crate) struct Shop {
    pub(crate) platform: &'static str,
    pub(crate) merchant: String,
    pub(crate) uscc: String,
    pub(crate) name: String,
    pub(crate) listings: usize,
}

/// How a planted shop is registered.
pub(crate) struct Reg<'a> {
    pub(crate) merchant_type: &'a str,
    /// Registry status; `None`: the code is not in the registry.
    pub(crate) status: Option<&'a str>,
    pub(crate) valid_code: bool,
    pub(crate) license: bool,
    pub(crate) turnover: i64,
    pub(crate) closed_on: Option<i64>,
    /// The natural person behind the shop (shared across platforms for one person's shops).
    pub(crate) holder: Option<&'a str>,
    /// Shop name as shown (default: the name with 小铺).
    pub(crate) shop_name: Option<&'a str>,
}

/// A listing's fields.
pub(crate) struct Item<'a> {
    pub(crate) title: &'a str,
    pub(crate) description: Option<&'a str>,
    pub(crate) category: &'a str,
    pub(crate) class: &'a str,
    pub(crate) brand: Option<&'a str>,
    pub(crate) reg_no: Option<&'a str>,
    pub(crate) approval: Option<&'a str>,
    pub(crate) price: i64,
    pub(crate) returns: bool,
    /// Day the listing was taken down, if it was.
    pub(crate) delisted: Option<i64>,
}

impl Default for Item<'_> {
    fn default() -> Self {
        Item {
            title: "",
            description: None,
            category: "家居/日用",
            class: "general",
            brand: None,
            reg_no: None,
            approval: None,
            price: 9_900,
            returns: true,
            delisted: None,
        }
    }
}

/// One price display.
#[derive(Clone, Copy)]
pub(crate) struct Obs<'a> {
    pub(crate) day: i64,
    pub(crate) second: i64,
    pub(crate) page: &'a str,
    pub(crate) shown: i64,
    pub(crate) reference: Option<i64>,
    pub(crate) kind: Option<&'a str>,
    pub(crate) promo: &'a str,
    pub(crate) label: Option<&'a str>,
    pub(crate) payable: Option<i64>,
    pub(crate) viewer: Option<&'a str>,
    pub(crate) segment: &'a str,
    pub(crate) orders_90d: Option<i64>,
    pub(crate) device: &'a str,
    pub(crate) adcode: &'a str,
    pub(crate) source: &'a str,
}

impl Kit {
    /// A truth row's `why`: the set's prefix, the reason, and the instrument when the kit cites
    /// one and the reason names none.
    pub(crate) fn why(&self, rule: &str, text: &str) -> String {
        match self.instrument {
            Some(instrument) if !INSTRUMENTS.iter().any(|i| text.contains(i)) => {
                format!("{}: {text}（《{}》）", self.set, instrument(rule))
            }
            _ => format!("{}: {text}", self.set),
        }
    }

    /// A truth row about a listing.
    pub(crate) fn t_listing(
        &self,
        city: &mut City,
        rule: &str,
        l: &Listing,
        label: Label,
        text: &str,
    ) {
        self.t_listing_id(city, rule, l.platform, &l.id, label, text);
    }

    /// A truth row about a listing given by platform and id.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn t_listing_id(
        &self,
        city: &mut City,
        rule: &str,
        platform: &str,
        id: &str,
        label: Label,
        text: &str,
    ) {
        let why = self.why(rule, text);
        city.truth
            .add(detector_of(rule), rule, platform, id, label, &why);
    }

    /// A truth row about a subject of a platform (merchant, live session, campaign, scheme).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn t_subject(
        &self,
        city: &mut City,
        rule: &str,
        kind: &str,
        platform: &str,
        id: &str,
        label: Label,
        text: &str,
    ) {
        let why = self.why(rule, text);
        city.truth
            .add_subject(detector_of(rule), rule, kind, platform, id, label, &why);
    }

    /// A truth row about a subject without a platform (document, address, person).
    pub(crate) fn t_global(
        &self,
        city: &mut City,
        rule: &str,
        kind: &str,
        id: &str,
        label: Label,
        text: &str,
    ) {
        let why = self.why(rule, text);
        city.truth
            .add_global(detector_of(rule), rule, kind, id, label, &why);
    }

    /// A truth row about a platform.
    pub(crate) fn t_platform(
        &self,
        city: &mut City,
        rule: &str,
        platform: &str,
        label: Label,
        text: &str,
    ) {
        let why = self.why(rule, text);
        city.truth
            .add_platform(detector_of(rule), rule, platform, label, &why);
    }

    /// A truth row about a person (pid).
    pub(crate) fn t_person(
        &self,
        city: &mut City,
        rule: &str,
        pid: &str,
        label: Label,
        text: &str,
    ) {
        let why = self.why(rule, text);
        city.truth
            .add_person(detector_of(rule), rule, pid, label, &why);
    }

    /// The set's registration defaults (an active company with a valid code and licence shown).
    pub(crate) fn reg(&self) -> Reg<'static> {
        Reg {
            merchant_type: "company",
            status: Some("active"),
            valid_code: true,
            license: true,
            turnover: self.turnover,
            closed_on: None,
            holder: None,
            shop_name: None,
        }
    }

    /// The set's display defaults (day 0, detail page, no promotion, nothing shown).
    pub(crate) fn obs(&self) -> Obs<'static> {
        Obs {
            day: 0,
            second: self.display.0,
            page: "detail",
            shown: 0,
            reference: None,
            kind: None,
            promo: "none",
            label: None,
            payable: None,
            viewer: None,
            segment: "unknown",
            orders_90d: None,
            device: "android",
            adcode: self.display.1,
            source: "platform_log",
        }
    }

    /// A drawn Hangzhou address: (district adcode, text).
    pub(crate) fn address(&self, rng: &mut Rng) -> (&'static str, String) {
        let (adcode, district) = *rng.pick(DISTRICTS);
        let address = format!(
            "杭州市{district}{}{}号",
            rng.pick(ROADS),
            rng.range(self.house_numbers.0, self.house_numbers.1)
        );
        (adcode, address)
    }

    /// A shop `<platform>-<tag>-<shop tag>` with its operator registered as `reg` says.
    pub(crate) fn shop_with(
        &self,
        city: &mut City,
        rng: &mut Rng,
        platform: &'static str,
        tag: &str,
        name: &str,
        reg: &Reg<'_>,
    ) -> Shop {
        let merchant = format!("{platform}-{}-{tag}", self.tag);
        let (adcode, address) = self.address(rng);
        let natural = reg.merchant_type == "natural_person";
        let individual = reg.merchant_type == "individual_business";
        let uscc = code(
            rng,
            if individual { "92" } else { "91" },
            adcode,
            reg.valid_code,
        );
        let company = if natural {
            format!("{name}{}", self.natural_suffix)
        } else if individual {
            format!("杭州市{name}{}", self.individual_suffix)
        } else {
            format!("杭州{name}有限公司")
        };
        let holder = if natural {
            json!(reg.holder.map_or_else(|| rng.hex64(), str::to_string))
        } else {
            Value::Null
        };
        city.add(platform, "merchants", json!({
            "platform_id": platform, "merchant_id": merchant, "merchant_type": reg.merchant_type,
            "uscc": if natural { Value::Null } else { json!(uscc) }, "holder_pid": holder,
            "name": company, "shop_name": reg.shop_name.map_or_else(|| format!("{name}小铺"), str::to_string),
            "address": address, "adcode": adcode, "contact_pid": rng.hex64(), "license_displayed": reg.license,
            "opened_on": date(-rng.range(400, 900)), "closed_on": reg.closed_on.map(date),
            "annual_turnover_fen": reg.turnover,
        }));
        if let (Some(status), false) = (reg.status, natural) {
            let entity = if individual {
                "individual_business"
            } else {
                "company"
            };
            match self.registry {
                RegistryStyle::Fixed => {
                    city.add("registry", "registry", json!({
                        "uscc": uscc, "name": company, "entity_type": entity, "legal_rep_pid": rng.hex64(),
                        "address": address, "adcode": adcode, "established_on": date(-rng.range(1_000, 3_000)),
                        "status": status, "business_scope": "日用百货、预包装食品销售、化妆品零售",
                        "registered_capital_fen": 50_000_000, "annual_report_filed": status == "active",
                    }));
                }
                RegistryStyle::Drawn => {
                    let established = -rng.range(1_000, 3_000);
                    registry(
                        city,
                        rng,
                        &uscc,
                        &company,
                        entity,
                        &address,
                        adcode,
                        status,
                        established,
                        None,
                    );
                }
            }
        }
        Shop {
            platform,
            merchant,
            uscc,
            name: company,
            listings: 0,
        }
    }

    /// A shop with the set's registration defaults.
    pub(crate) fn shop(
        &self,
        city: &mut City,
        rng: &mut Rng,
        platform: &'static str,
        tag: &str,
        name: &str,
    ) -> Shop {
        self.shop_with(city, rng, platform, tag, name, &self.reg())
    }

    /// The shop's next listing, `<tag>-<shop tag>-l<k>`.
    pub(crate) fn listing(&self, city: &mut City, shop: &mut Shop, item: &Item<'_>) -> Listing {
        let infix = format!("-{}-", self.tag);
        let tag = shop
            .merchant
            .split_once(&infix)
            .map_or(shop.merchant.as_str(), |(_, t)| t);
        let id = format!("{}-{tag}-l{}", self.tag, shop.listings);
        shop.listings += 1;
        city.add(shop.platform, "listings", json!({
            "platform_id": shop.platform, "listing_id": id, "merchant_id": shop.merchant, "title": item.title,
            "description": item.description, "category": item.category, "product_class": item.class,
            "brand": item.brand, "trademark_reg_no": item.reg_no, "ad_approval_no": item.approval,
            "list_price_fen": item.price, "no_reason_return": item.returns, "created_at": at(self.listed_day, 37_800),
            "delisted_at": item.delisted.map(|d| at(d, 36_000)),
        }));
        Listing {
            platform: shop.platform,
            id,
            merchant: shop.merchant.clone(),
            price: item.price,
        }
    }

    /// An order row with a `<tag>-o<n>` id (the caller adjusts and adds it).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn sale(
        &self,
        rng: &mut Rng,
        l: &Listing,
        order_no: &mut u64,
        day: i64,
        second: i64,
        price: i64,
        quantity: i64,
        buyer: &str,
        status: &str,
    ) -> Value {
        *order_no += 1;
        let mut row = order(
            l, *order_no, day, second, price, quantity, buyer, status, rng,
        );
        row["order_id"] = json!(format!("{}-o{}", self.tag, *order_no));
        row
    }

    /// Adds one completed sale of one unit to a random shopper.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn sell(
        &self,
        city: &mut City,
        rng: &mut Rng,
        buyers: &[String],
        l: &Listing,
        order_no: &mut u64,
        day: i64,
        price: i64,
    ) {
        self.sell_at(city, rng, buyers, l, order_no, (day, None), price);
    }

    /// Adds one completed sale of one unit to a random shopper on `day`, at the given second of
    /// the day or at one drawn between 8:53 and 20:00.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn sell_at(
        &self,
        city: &mut City,
        rng: &mut Rng,
        buyers: &[String],
        l: &Listing,
        order_no: &mut u64,
        (day, second): (i64, Option<i64>),
        price: i64,
    ) {
        let buyer = rng.pick(buyers).clone();
        let second = second.unwrap_or_else(|| rng.range(32_000, 72_000));
        let row = self.sale(rng, l, order_no, day, second, price, 1, &buyer, "completed");
        city.add(l.platform, "orders", row);
    }

    /// A refused no-reason return: one unit of `l` bought by a new buyer two days before the
    /// signing day at `ordered_second`, signed at `signed` (day, second), the return asked
    /// `asked.0` days after the signing day at second `asked.1`, and rejected.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn refused_return(
        &self,
        city: &mut City,
        rng: &mut Rng,
        l: &Listing,
        order_no: &mut u64,
        ordered_second: i64,
        signed: (i64, i64),
        asked: (i64, i64),
    ) {
        let buyer = rng.hex64();
        let mut row = self.sale(
            rng,
            l,
            order_no,
            signed.0 - 2,
            ordered_second,
            l.price,
            1,
            &buyer,
            "completed",
        );
        row["signed_at"] = json!(at(signed.0, signed.1));
        row["return_requested_at"] = json!(at(signed.0 + asked.0, asked.1));
        row["return_reason"] = json!("no_reason");
        row["return_outcome"] = json!("rejected");
        city.add(l.platform, "orders", row);
    }

    /// A price display; a display without a viewer gets a drawn one.
    pub(crate) fn show(&self, city: &mut City, rng: &mut Rng, l: &Listing, o: &Obs<'_>) {
        let viewer = o.viewer.map_or_else(|| rng.hex64(), str::to_string);
        show_as_given(
            city,
            l,
            &Obs {
                viewer: Some(&viewer),
                ..*o
            },
        );
    }

    /// A plain display of `price` on the detail page of `day` (no promotion).
    pub(crate) fn plain(&self, city: &mut City, rng: &mut Rng, l: &Listing, day: i64, price: i64) {
        self.show(
            city,
            rng,
            l,
            &Obs {
                day,
                shown: price,
                ..self.obs()
            },
        );
    }

    /// A live session of `shop` on `kanbo` with its transcript.
    pub(crate) fn session(
        &self,
        city: &mut City,
        rng: &mut Rng,
        shop: &Shop,
        id: &str,
        day: i64,
        transcript: &str,
    ) {
        let room = shop
            .merchant
            .trim_start_matches(&format!("kanbo-{}-", self.tag))
            .to_string();
        let style = self.live;
        city.add(shop.platform, "live_sessions", json!({
            "platform_id": shop.platform, "session_id": id, "room_id": format!("{}-room-{room}", self.tag),
            "host_pid": rng.hex64(), "mcn_uscc": null, "merchant_id": shop.merchant,
            "started_at": at(day, style.hours.0), "ended_at": at(day, style.hours.1),
            "peak_viewers": rng.range(style.viewers.0, style.viewers.1),
            "gmv_fen": rng.range(style.gmv.0, style.gmv.1), "transcript": transcript,
        }));
    }

    /// A listing case: the listing and its truth row.
    pub(crate) fn ad_case(
        &self,
        city: &mut City,
        shop: &mut Shop,
        rule: &str,
        label: Label,
        text: &str,
        item: &Item<'_>,
    ) -> Listing {
        let l = self.listing(city, shop, item);
        self.t_listing(city, rule, &l, label, text);
        l
    }

    /// A live-stream case: the session and its truth row.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn live_case(
        &self,
        city: &mut City,
        rng: &mut Rng,
        shop: &Shop,
        rule: &str,
        id: &str,
        day: i64,
        label: Label,
        text: &str,
        transcript: &str,
    ) {
        self.session(city, rng, shop, id, day, transcript);
        self.t_subject(city, rule, "live_session", shop.platform, id, label, text);
    }

    /// A registered mark owned by `owner`'s operator.
    pub(crate) fn trademark(
        &self,
        city: &mut City,
        reg_no: &str,
        mark: &str,
        owner: &Shop,
        classes: &[i64],
    ) {
        city.add(
            "ip_office",
            "trademarks",
            json!({
                "reg_no": reg_no, "mark": mark, "owner_uscc": owner.uscc, "owner_name": owner.name,
                "nice_classes": classes, "valid_to": self.mark_valid_to,
            }),
        );
    }
}

/// A price display written as given (a display without a viewer has none).
pub(crate) fn show_as_given(city: &mut City, l: &Listing, o: &Obs<'_>) {
    city.add(l.platform, "price_observations", json!({
        "platform_id": l.platform, "listing_id": l.id, "observed_at": at(o.day, o.second), "page": o.page,
        "displayed_price_fen": o.shown, "reference_price_fen": o.reference, "reference_kind": o.kind,
        "promo_kind": o.promo, "promo_label": o.label, "payable_price_fen": o.payable.or(Some(o.shown)),
        "viewer_pid": o.viewer, "viewer_segment": o.segment, "viewer_orders_90d": o.orders_90d,
        "device": o.device, "viewer_adcode": o.adcode, "source": o.source,
    }));
}

/// One operator's shop on a platform, for the forced-exit cases: its merchant row and its daily
/// figures until the day after it closes.
pub(crate) struct Homed<'a> {
    pub(crate) merchant: &'a str,
    pub(crate) company: &'a str,
    pub(crate) shop_name: &'a str,
    pub(crate) uscc: &'a str,
    pub(crate) address: &'a str,
    pub(crate) adcode: &'a str,
    /// Days before the period the shop opened, drawn in this range.
    pub(crate) opened: (i64, i64),
    pub(crate) turnover: i64,
    /// Orders per open day, drawn in this range, each of `order_value` fen.
    pub(crate) orders: (i64, i64),
    pub(crate) order_value: i64,
    pub(crate) listings: i64,
}

/// A platform's measure against a shop: (day, second, action, reason given).
pub(crate) type Measure<'a> = (i64, i64, &'a str, &'a str);

/// Writes `h` on `platform` with its daily figures over `days`, closed from `closes` on, and the
/// platform's measure against it, if any.
pub(crate) fn homed_shop(
    city: &mut City,
    rng: &mut Rng,
    platform: &str,
    h: &Homed<'_>,
    (closes, measure): (Option<i64>, Option<Measure<'_>>),
    days: i64,
) {
    city.add(platform, "merchants", json!({
        "platform_id": platform, "merchant_id": h.merchant, "merchant_type": "company", "uscc": h.uscc,
        "holder_pid": null, "name": h.company, "shop_name": h.shop_name, "address": h.address,
        "adcode": h.adcode, "contact_pid": rng.hex64(), "license_displayed": true,
        "opened_on": date(-rng.range(h.opened.0, h.opened.1)), "closed_on": closes.map(date),
        "annual_turnover_fen": h.turnover,
    }));
    for day in 0..days {
        if closes.is_some_and(|c| day > c + 1) {
            break;
        }
        let closed = closes.is_some_and(|c| day >= c);
        let orders = if closed {
            0
        } else {
            rng.range(h.orders.0, h.orders.1)
        };
        city.add(platform, "merchant_daily", json!({
            "platform_id": platform, "merchant_id": h.merchant, "uscc": h.uscc, "date": date(day),
            "status": if closed { "closed" } else { "open" },
            "active_listings": if closed { 0 } else { h.listings }, "orders": orders,
            "gmv_fen": orders * h.order_value,
        }));
    }
    if let Some((day, second, action, reason)) = measure {
        city.add(
            platform,
            "merchant_sanctions",
            json!({
                "platform_id": platform, "merchant_id": h.merchant, "at": at(day, second),
                "action": action, "reason_text": reason,
            }),
        );
    }
}
