//! Country table: ISO 3166 alpha-3 and alpha-2, UN M49 numeric codes, English and Korean names.

use core::cmp::Ordering;

/// One country or territory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code, upper case.
    pub alpha3: &'static str,
    /// ISO 3166-1 alpha-2 code, upper case.
    pub alpha2: &'static str,
    /// UN M49 numeric code (same as ISO 3166-1 numeric).
    pub m49: u16,
    /// Short English name as a news story writes it ("North Korea", "South Korea", "United States").
    pub en: &'static str,
    /// Korean name as Korean news writes it ("북한", "중국", "미국", "한국" for South Korea, "일본").
    pub ko: &'static str,
}

const fn c(
    alpha3: &'static str,
    alpha2: &'static str,
    m49: u16,
    en: &'static str,
    ko: &'static str,
) -> Country {
    Country {
        alpha3,
        alpha2,
        m49,
        en,
        ko,
    }
}

/// All ISO 3166-1 countries and territories, plus `WLD` (M49 0, "World") and
/// UN Comtrade's `S19` (M49 490, "Other Asia, nes", which is how Comtrade reports
/// Taiwan). Sorted by `alpha3` (byte order) so [`by_alpha3`] can binary-search.
pub static COUNTRIES: &[Country] = &[
    c("ABW", "AW", 533, "Aruba", "아루바"),
    c("AFG", "AF", 4, "Afghanistan", "아프가니스탄"),
    c("AGO", "AO", 24, "Angola", "앙골라"),
    c("AIA", "AI", 660, "Anguilla", "앵귈라"),
    c("ALA", "AX", 248, "Åland Islands", "올란드 제도"),
    c("ALB", "AL", 8, "Albania", "알바니아"),
    c("AND", "AD", 20, "Andorra", "안도라"),
    c("ARE", "AE", 784, "United Arab Emirates", "아랍에미리트"),
    c("ARG", "AR", 32, "Argentina", "아르헨티나"),
    c("ARM", "AM", 51, "Armenia", "아르메니아"),
    c("ASM", "AS", 16, "American Samoa", "아메리칸사모아"),
    c("ATA", "AQ", 10, "Antarctica", "남극"),
    c(
        "ATF",
        "TF",
        260,
        "French Southern Territories",
        "프랑스령 남방 및 남극 지역",
    ),
    c("ATG", "AG", 28, "Antigua and Barbuda", "앤티가 바부다"),
    c("AUS", "AU", 36, "Australia", "호주"),
    c("AUT", "AT", 40, "Austria", "오스트리아"),
    c("AZE", "AZ", 31, "Azerbaijan", "아제르바이잔"),
    c("BDI", "BI", 108, "Burundi", "부룬디"),
    c("BEL", "BE", 56, "Belgium", "벨기에"),
    c("BEN", "BJ", 204, "Benin", "베냉"),
    c("BES", "BQ", 535, "Caribbean Netherlands", "카리브 네덜란드"),
    c("BFA", "BF", 854, "Burkina Faso", "부르키나파소"),
    c("BGD", "BD", 50, "Bangladesh", "방글라데시"),
    c("BGR", "BG", 100, "Bulgaria", "불가리아"),
    c("BHR", "BH", 48, "Bahrain", "바레인"),
    c("BHS", "BS", 44, "Bahamas", "바하마"),
    c(
        "BIH",
        "BA",
        70,
        "Bosnia and Herzegovina",
        "보스니아 헤르체고비나",
    ),
    c("BLM", "BL", 652, "Saint Barthélemy", "생바르텔레미"),
    c("BLR", "BY", 112, "Belarus", "벨라루스"),
    c("BLZ", "BZ", 84, "Belize", "벨리즈"),
    c("BMU", "BM", 60, "Bermuda", "버뮤다"),
    c("BOL", "BO", 68, "Bolivia", "볼리비아"),
    c("BRA", "BR", 76, "Brazil", "브라질"),
    c("BRB", "BB", 52, "Barbados", "바베이도스"),
    c("BRN", "BN", 96, "Brunei", "브루나이"),
    c("BTN", "BT", 64, "Bhutan", "부탄"),
    c("BVT", "BV", 74, "Bouvet Island", "부베섬"),
    c("BWA", "BW", 72, "Botswana", "보츠와나"),
    c(
        "CAF",
        "CF",
        140,
        "Central African Republic",
        "중앙아프리카공화국",
    ),
    c("CAN", "CA", 124, "Canada", "캐나다"),
    c("CCK", "CC", 166, "Cocos (Keeling) Islands", "코코스 제도"),
    c("CHE", "CH", 756, "Switzerland", "스위스"),
    c("CHL", "CL", 152, "Chile", "칠레"),
    c("CHN", "CN", 156, "China", "중국"),
    c("CIV", "CI", 384, "Ivory Coast", "코트디부아르"),
    c("CMR", "CM", 120, "Cameroon", "카메룬"),
    c("COD", "CD", 180, "DR Congo", "콩고민주공화국"),
    c("COG", "CG", 178, "Republic of the Congo", "콩고공화국"),
    c("COK", "CK", 184, "Cook Islands", "쿡 제도"),
    c("COL", "CO", 170, "Colombia", "콜롬비아"),
    c("COM", "KM", 174, "Comoros", "코모로"),
    c("CPV", "CV", 132, "Cape Verde", "카보베르데"),
    c("CRI", "CR", 188, "Costa Rica", "코스타리카"),
    c("CUB", "CU", 192, "Cuba", "쿠바"),
    c("CUW", "CW", 531, "Curaçao", "퀴라소"),
    c("CXR", "CX", 162, "Christmas Island", "크리스마스섬"),
    c("CYM", "KY", 136, "Cayman Islands", "케이맨 제도"),
    c("CYP", "CY", 196, "Cyprus", "키프로스"),
    c("CZE", "CZ", 203, "Czech Republic", "체코"),
    c("DEU", "DE", 276, "Germany", "독일"),
    c("DJI", "DJ", 262, "Djibouti", "지부티"),
    c("DMA", "DM", 212, "Dominica", "도미니카연방"),
    c("DNK", "DK", 208, "Denmark", "덴마크"),
    c("DOM", "DO", 214, "Dominican Republic", "도미니카공화국"),
    c("DZA", "DZ", 12, "Algeria", "알제리"),
    c("ECU", "EC", 218, "Ecuador", "에콰도르"),
    c("EGY", "EG", 818, "Egypt", "이집트"),
    c("ERI", "ER", 232, "Eritrea", "에리트레아"),
    c("ESH", "EH", 732, "Western Sahara", "서사하라"),
    c("ESP", "ES", 724, "Spain", "스페인"),
    c("EST", "EE", 233, "Estonia", "에스토니아"),
    c("ETH", "ET", 231, "Ethiopia", "에티오피아"),
    c("FIN", "FI", 246, "Finland", "핀란드"),
    c("FJI", "FJ", 242, "Fiji", "피지"),
    c("FLK", "FK", 238, "Falkland Islands", "포클랜드 제도"),
    c("FRA", "FR", 250, "France", "프랑스"),
    c("FRO", "FO", 234, "Faroe Islands", "페로 제도"),
    c("FSM", "FM", 583, "Micronesia", "미크로네시아"),
    c("GAB", "GA", 266, "Gabon", "가봉"),
    c("GBR", "GB", 826, "United Kingdom", "영국"),
    c("GEO", "GE", 268, "Georgia", "조지아"),
    c("GGY", "GG", 831, "Guernsey", "건지"),
    c("GHA", "GH", 288, "Ghana", "가나"),
    c("GIB", "GI", 292, "Gibraltar", "지브롤터"),
    c("GIN", "GN", 324, "Guinea", "기니"),
    c("GLP", "GP", 312, "Guadeloupe", "과들루프"),
    c("GMB", "GM", 270, "Gambia", "감비아"),
    c("GNB", "GW", 624, "Guinea-Bissau", "기니비사우"),
    c("GNQ", "GQ", 226, "Equatorial Guinea", "적도기니"),
    c("GRC", "GR", 300, "Greece", "그리스"),
    c("GRD", "GD", 308, "Grenada", "그레나다"),
    c("GRL", "GL", 304, "Greenland", "그린란드"),
    c("GTM", "GT", 320, "Guatemala", "과테말라"),
    c("GUF", "GF", 254, "French Guiana", "프랑스령 기아나"),
    c("GUM", "GU", 316, "Guam", "괌"),
    c("GUY", "GY", 328, "Guyana", "가이아나"),
    c("HKG", "HK", 344, "Hong Kong", "홍콩"),
    c(
        "HMD",
        "HM",
        334,
        "Heard Island and McDonald Islands",
        "허드 맥도널드 제도",
    ),
    c("HND", "HN", 340, "Honduras", "온두라스"),
    c("HRV", "HR", 191, "Croatia", "크로아티아"),
    c("HTI", "HT", 332, "Haiti", "아이티"),
    c("HUN", "HU", 348, "Hungary", "헝가리"),
    c("IDN", "ID", 360, "Indonesia", "인도네시아"),
    c("IMN", "IM", 833, "Isle of Man", "맨섬"),
    c("IND", "IN", 356, "India", "인도"),
    c(
        "IOT",
        "IO",
        86,
        "British Indian Ocean Territory",
        "영국령 인도양 지역",
    ),
    c("IRL", "IE", 372, "Ireland", "아일랜드"),
    c("IRN", "IR", 364, "Iran", "이란"),
    c("IRQ", "IQ", 368, "Iraq", "이라크"),
    c("ISL", "IS", 352, "Iceland", "아이슬란드"),
    c("ISR", "IL", 376, "Israel", "이스라엘"),
    c("ITA", "IT", 380, "Italy", "이탈리아"),
    c("JAM", "JM", 388, "Jamaica", "자메이카"),
    c("JEY", "JE", 832, "Jersey", "저지"),
    c("JOR", "JO", 400, "Jordan", "요르단"),
    c("JPN", "JP", 392, "Japan", "일본"),
    c("KAZ", "KZ", 398, "Kazakhstan", "카자흐스탄"),
    c("KEN", "KE", 404, "Kenya", "케냐"),
    c("KGZ", "KG", 417, "Kyrgyzstan", "키르기스스탄"),
    c("KHM", "KH", 116, "Cambodia", "캄보디아"),
    c("KIR", "KI", 296, "Kiribati", "키리바시"),
    c(
        "KNA",
        "KN",
        659,
        "Saint Kitts and Nevis",
        "세인트키츠 네비스",
    ),
    c("KOR", "KR", 410, "South Korea", "한국"),
    c("KWT", "KW", 414, "Kuwait", "쿠웨이트"),
    c("LAO", "LA", 418, "Laos", "라오스"),
    c("LBN", "LB", 422, "Lebanon", "레바논"),
    c("LBR", "LR", 430, "Liberia", "라이베리아"),
    c("LBY", "LY", 434, "Libya", "리비아"),
    c("LCA", "LC", 662, "Saint Lucia", "세인트루시아"),
    c("LIE", "LI", 438, "Liechtenstein", "리히텐슈타인"),
    c("LKA", "LK", 144, "Sri Lanka", "스리랑카"),
    c("LSO", "LS", 426, "Lesotho", "레소토"),
    c("LTU", "LT", 440, "Lithuania", "리투아니아"),
    c("LUX", "LU", 442, "Luxembourg", "룩셈부르크"),
    c("LVA", "LV", 428, "Latvia", "라트비아"),
    c("MAC", "MO", 446, "Macau", "마카오"),
    c("MAF", "MF", 663, "Saint Martin", "생마르탱"),
    c("MAR", "MA", 504, "Morocco", "모로코"),
    c("MCO", "MC", 492, "Monaco", "모나코"),
    c("MDA", "MD", 498, "Moldova", "몰도바"),
    c("MDG", "MG", 450, "Madagascar", "마다가스카르"),
    c("MDV", "MV", 462, "Maldives", "몰디브"),
    c("MEX", "MX", 484, "Mexico", "멕시코"),
    c("MHL", "MH", 584, "Marshall Islands", "마셜 제도"),
    c("MKD", "MK", 807, "North Macedonia", "북마케도니아"),
    c("MLI", "ML", 466, "Mali", "말리"),
    c("MLT", "MT", 470, "Malta", "몰타"),
    c("MMR", "MM", 104, "Myanmar", "미얀마"),
    c("MNE", "ME", 499, "Montenegro", "몬테네그로"),
    c("MNG", "MN", 496, "Mongolia", "몽골"),
    c(
        "MNP",
        "MP",
        580,
        "Northern Mariana Islands",
        "북마리아나 제도",
    ),
    c("MOZ", "MZ", 508, "Mozambique", "모잠비크"),
    c("MRT", "MR", 478, "Mauritania", "모리타니"),
    c("MSR", "MS", 500, "Montserrat", "몬트세랫"),
    c("MTQ", "MQ", 474, "Martinique", "마르티니크"),
    c("MUS", "MU", 480, "Mauritius", "모리셔스"),
    c("MWI", "MW", 454, "Malawi", "말라위"),
    c("MYS", "MY", 458, "Malaysia", "말레이시아"),
    c("MYT", "YT", 175, "Mayotte", "마요트"),
    c("NAM", "NA", 516, "Namibia", "나미비아"),
    c("NCL", "NC", 540, "New Caledonia", "뉴칼레도니아"),
    c("NER", "NE", 562, "Niger", "니제르"),
    c("NFK", "NF", 574, "Norfolk Island", "노퍽섬"),
    c("NGA", "NG", 566, "Nigeria", "나이지리아"),
    c("NIC", "NI", 558, "Nicaragua", "니카라과"),
    c("NIU", "NU", 570, "Niue", "니우에"),
    c("NLD", "NL", 528, "Netherlands", "네덜란드"),
    c("NOR", "NO", 578, "Norway", "노르웨이"),
    c("NPL", "NP", 524, "Nepal", "네팔"),
    c("NRU", "NR", 520, "Nauru", "나우루"),
    c("NZL", "NZ", 554, "New Zealand", "뉴질랜드"),
    c("OMN", "OM", 512, "Oman", "오만"),
    c("PAK", "PK", 586, "Pakistan", "파키스탄"),
    c("PAN", "PA", 591, "Panama", "파나마"),
    c("PCN", "PN", 612, "Pitcairn Islands", "핏케언 제도"),
    c("PER", "PE", 604, "Peru", "페루"),
    c("PHL", "PH", 608, "Philippines", "필리핀"),
    c("PLW", "PW", 585, "Palau", "팔라우"),
    c("PNG", "PG", 598, "Papua New Guinea", "파푸아뉴기니"),
    c("POL", "PL", 616, "Poland", "폴란드"),
    c("PRI", "PR", 630, "Puerto Rico", "푸에르토리코"),
    c("PRK", "KP", 408, "North Korea", "북한"),
    c("PRT", "PT", 620, "Portugal", "포르투갈"),
    c("PRY", "PY", 600, "Paraguay", "파라과이"),
    c("PSE", "PS", 275, "Palestine", "팔레스타인"),
    c("PYF", "PF", 258, "French Polynesia", "프랑스령 폴리네시아"),
    c("QAT", "QA", 634, "Qatar", "카타르"),
    c("REU", "RE", 638, "Réunion", "레위니옹"),
    c("ROU", "RO", 642, "Romania", "루마니아"),
    c("RUS", "RU", 643, "Russia", "러시아"),
    c("RWA", "RW", 646, "Rwanda", "르완다"),
    c("S19", "", 490, "Taiwan (Other Asia, nes)", "대만"),
    c("SAU", "SA", 682, "Saudi Arabia", "사우디아라비아"),
    c("SDN", "SD", 729, "Sudan", "수단"),
    c("SEN", "SN", 686, "Senegal", "세네갈"),
    c("SGP", "SG", 702, "Singapore", "싱가포르"),
    c(
        "SGS",
        "GS",
        239,
        "South Georgia and the South Sandwich Islands",
        "사우스조지아 사우스샌드위치 제도",
    ),
    c("SHN", "SH", 654, "Saint Helena", "세인트헬레나"),
    c(
        "SJM",
        "SJ",
        744,
        "Svalbard and Jan Mayen",
        "스발바르 얀마옌",
    ),
    c("SLB", "SB", 90, "Solomon Islands", "솔로몬 제도"),
    c("SLE", "SL", 694, "Sierra Leone", "시에라리온"),
    c("SLV", "SV", 222, "El Salvador", "엘살바도르"),
    c("SMR", "SM", 674, "San Marino", "산마리노"),
    c("SOM", "SO", 706, "Somalia", "소말리아"),
    c(
        "SPM",
        "PM",
        666,
        "Saint Pierre and Miquelon",
        "생피에르 미클롱",
    ),
    c("SRB", "RS", 688, "Serbia", "세르비아"),
    c("SSD", "SS", 728, "South Sudan", "남수단"),
    c("STP", "ST", 678, "São Tomé and Príncipe", "상투메 프린시페"),
    c("SUR", "SR", 740, "Suriname", "수리남"),
    c("SVK", "SK", 703, "Slovakia", "슬로바키아"),
    c("SVN", "SI", 705, "Slovenia", "슬로베니아"),
    c("SWE", "SE", 752, "Sweden", "스웨덴"),
    c("SWZ", "SZ", 748, "Eswatini", "에스와티니"),
    c("SXM", "SX", 534, "Sint Maarten", "신트마르턴"),
    c("SYC", "SC", 690, "Seychelles", "세이셸"),
    c("SYR", "SY", 760, "Syria", "시리아"),
    c(
        "TCA",
        "TC",
        796,
        "Turks and Caicos Islands",
        "터크스 케이커스 제도",
    ),
    c("TCD", "TD", 148, "Chad", "차드"),
    c("TGO", "TG", 768, "Togo", "토고"),
    c("THA", "TH", 764, "Thailand", "태국"),
    c("TJK", "TJ", 762, "Tajikistan", "타지키스탄"),
    c("TKL", "TK", 772, "Tokelau", "토켈라우"),
    c("TKM", "TM", 795, "Turkmenistan", "투르크메니스탄"),
    c("TLS", "TL", 626, "East Timor", "동티모르"),
    c("TON", "TO", 776, "Tonga", "통가"),
    c("TTO", "TT", 780, "Trinidad and Tobago", "트리니다드 토바고"),
    c("TUN", "TN", 788, "Tunisia", "튀니지"),
    c("TUR", "TR", 792, "Turkey", "튀르키예"),
    c("TUV", "TV", 798, "Tuvalu", "투발루"),
    c("TWN", "TW", 158, "Taiwan", "대만"),
    c("TZA", "TZ", 834, "Tanzania", "탄자니아"),
    c("UGA", "UG", 800, "Uganda", "우간다"),
    c("UKR", "UA", 804, "Ukraine", "우크라이나"),
    c(
        "UMI",
        "UM",
        581,
        "U.S. Minor Outlying Islands",
        "미국령 군소 제도",
    ),
    c("URY", "UY", 858, "Uruguay", "우루과이"),
    c("USA", "US", 840, "United States", "미국"),
    c("UZB", "UZ", 860, "Uzbekistan", "우즈베키스탄"),
    c("VAT", "VA", 336, "Vatican City", "바티칸"),
    c(
        "VCT",
        "VC",
        670,
        "Saint Vincent and the Grenadines",
        "세인트빈센트 그레나딘",
    ),
    c("VEN", "VE", 862, "Venezuela", "베네수엘라"),
    c(
        "VGB",
        "VG",
        92,
        "British Virgin Islands",
        "영국령 버진아일랜드",
    ),
    c(
        "VIR",
        "VI",
        850,
        "U.S. Virgin Islands",
        "미국령 버진아일랜드",
    ),
    c("VNM", "VN", 704, "Vietnam", "베트남"),
    c("VUT", "VU", 548, "Vanuatu", "바누아투"),
    c("WLD", "", 0, "World", "세계"),
    c("WLF", "WF", 876, "Wallis and Futuna", "월리스 푸투나"),
    c("WSM", "WS", 882, "Samoa", "사모아"),
    c("YEM", "YE", 887, "Yemen", "예멘"),
    c("ZAF", "ZA", 710, "South Africa", "남아프리카공화국"),
    c("ZMB", "ZM", 894, "Zambia", "잠비아"),
    c("ZWE", "ZW", 716, "Zimbabwe", "짐바브웨"),
];

/// Compares a table code with a query, upper-casing the query (ASCII only).
fn cmp_upper(table: &str, query: &str) -> Ordering {
    table
        .bytes()
        .cmp(query.bytes().map(|b| b.to_ascii_uppercase()))
}

/// Looks up a country by ISO 3166-1 alpha-3 code (ASCII case-insensitive).
pub fn by_alpha3(code: &str) -> Option<&'static Country> {
    COUNTRIES
        .binary_search_by(|e| cmp_upper(e.alpha3, code))
        .ok()
        .map(|i| &COUNTRIES[i])
}

/// Looks up a country by ISO 3166-1 alpha-2 code (ASCII case-insensitive).
/// The empty string never matches.
pub fn by_alpha2(code: &str) -> Option<&'static Country> {
    if code.is_empty() {
        return None;
    }
    COUNTRIES
        .iter()
        .find(|e| e.alpha2.eq_ignore_ascii_case(code))
}

/// Looks up a country by UN M49 numeric code (0 is "World").
pub fn by_m49(code: u16) -> Option<&'static Country> {
    COUNTRIES.iter().find(|e| e.m49 == code)
}

/// Codes that UN Comtrade and CEPII BACI use instead of the M49 code, where the
/// statistics cover a customs territory a little larger than the country:
/// France with Monaco, Italy with San Marino, Norway with Svalbard, India
/// (historical code), Switzerland with Liechtenstein, the US with Puerto Rico and
/// the US Virgin Islands.
const TRADE_CODES: &[(u16, &str)] = &[
    (251, "FRA"),
    (381, "ITA"),
    (579, "NOR"),
    (699, "IND"),
    (757, "CHE"),
    (842, "USA"),
];

/// Looks up a country by the numeric code of a trade file: M49, or one of the
/// customs-territory codes of UN Comtrade and BACI (842 is the United States).
/// Regional aggregates ("Areas, nes", 899) are not countries and give `None`.
pub fn by_trade_code(code: u16) -> Option<&'static Country> {
    match TRADE_CODES.iter().find(|(c, _)| *c == code) {
        Some((_, alpha3)) => by_alpha3(alpha3),
        None => by_m49(code),
    }
}

/// Other English spellings, as UN Comtrade, WITS, the World Bank and ISO write them.
const ALIASES: &[(&str, &str)] = &[
    ("Bahamas, The", "BHS"),
    ("Bolivia (Plurinational State of)", "BOL"),
    ("Bosnia Herzegovina", "BIH"),
    ("Brunei Darussalam", "BRN"),
    ("Burma", "MMR"),
    ("Cabo Verde", "CPV"),
    ("Central African Rep.", "CAF"),
    ("China, Hong Kong SAR", "HKG"),
    ("China, Macao SAR", "MAC"),
    ("Congo", "COG"),
    ("Congo, Dem. Rep.", "COD"),
    ("Congo, Rep.", "COG"),
    ("Côte d'Ivoire", "CIV"),
    ("Czechia", "CZE"),
    ("Dem. People's Rep. of Korea", "PRK"),
    ("Dem. Rep. of the Congo", "COD"),
    ("Democratic People's Republic of Korea", "PRK"),
    ("Democratic Republic of the Congo", "COD"),
    ("Dominican Rep.", "DOM"),
    ("DPRK", "PRK"),
    ("Egypt, Arab Rep.", "EGY"),
    ("Gambia, The", "GMB"),
    ("Holy See", "VAT"),
    ("Hong Kong SAR, China", "HKG"),
    ("Hong Kong, China", "HKG"),
    ("Iran (Islamic Republic of)", "IRN"),
    ("Iran, Islamic Rep.", "IRN"),
    ("Korea, Dem. People's Rep.", "PRK"),
    ("Korea, Dem. Rep.", "PRK"),
    ("Korea, Democratic People's Republic of", "PRK"),
    ("Korea, Rep.", "KOR"),
    ("Korea, Republic of", "KOR"),
    ("Kyrgyz Republic", "KGZ"),
    ("Lao PDR", "LAO"),
    ("Lao People's Dem. Rep.", "LAO"),
    ("Lao People's Democratic Republic", "LAO"),
    ("Macao", "MAC"),
    ("Macao SAR, China", "MAC"),
    ("Macao, China", "MAC"),
    ("Macedonia, FYR", "MKD"),
    ("Micronesia, Fed. Sts.", "FSM"),
    ("Other Asia, nes", "S19"),
    ("Rep. of Korea", "KOR"),
    ("Rep. of Moldova", "MDA"),
    ("Republic of Korea", "KOR"),
    ("Republic of Moldova", "MDA"),
    ("Russian Federation", "RUS"),
    ("Slovak Republic", "SVK"),
    ("St. Kitts and Nevis", "KNA"),
    ("St. Lucia", "LCA"),
    ("St. Vincent and the Grenadines", "VCT"),
    ("State of Palestine", "PSE"),
    ("Swaziland", "SWZ"),
    ("Syrian Arab Republic", "SYR"),
    ("Taiwan, China", "TWN"),
    ("Taiwan, Province of China", "TWN"),
    ("Timor-Leste", "TLS"),
    ("Türkiye", "TUR"),
    ("United Rep. of Tanzania", "TZA"),
    ("United Republic of Tanzania", "TZA"),
    ("United States of America", "USA"),
    ("USA", "USA"),
    ("Venezuela (Bolivarian Republic of)", "VEN"),
    ("Venezuela, RB", "VEN"),
    ("Viet Nam", "VNM"),
    ("West Bank and Gaza", "PSE"),
    ("Yemen, Rep.", "YEM"),
];

/// A letter without its accent, lower case (ASCII and Latin-1 only: the Unicode
/// case tables would add kilobytes to the WebAssembly for names that never need
/// them); `None` for apostrophes, which are dropped so that "People's" and
/// "Peoples" match.
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '\'' | '\u{2019}' => return None,
        'à'..='å' | 'À'..='Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è'..='ë' | 'È'..='Ë' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò'..='ö' | 'Ò'..='Ö' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' => 'u',
        c => c.to_ascii_lowercase(),
    })
}

/// True for characters inside a word: letters, digits, apostrophes, anything
/// beyond ASCII.
fn in_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '\'' || (!c.is_ascii() && c != '\u{a0}')
}

/// A name folded for comparison: lower case, common Latin accents dropped, words
/// separated by one space whatever punctuation was between them
/// ("Korea, Dem. Rep." → "korea dem rep").
fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    s.split(|c: char| !in_word(c))
        .filter(|w| w.chars().any(|c| c != '\'' && c != '\u{2019}'))
        .enumerate()
        .flat_map(|(i, w)| {
            (i > 0)
                .then_some(' ')
                .into_iter()
                .chain(w.chars().filter_map(fold_char))
        })
}

/// Looks up a country by English name, ignoring case, accents and punctuation:
/// the table's own names ("North Korea") and the spellings of trade statistics
/// ("Korea, Dem. Rep.", "Dem. People's Rep. of Korea", "Hong Kong, China", "World").
pub fn by_name(name: &str) -> Option<&'static Country> {
    let want: String = folded(name).collect();
    if want.is_empty() {
        return None;
    }
    let same = |candidate: &str| folded(candidate).eq(want.chars());
    COUNTRIES.iter().find(|c| same(c.en)).or_else(|| {
        ALIASES
            .iter()
            .find(|(alias, _)| same(alias))
            .and_then(|(_, alpha3)| by_alpha3(alpha3))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trade_codes_and_names() {
        assert_eq!(by_trade_code(842).unwrap().alpha3, "USA");
        assert_eq!(by_trade_code(840).unwrap().alpha3, "USA");
        assert_eq!(by_trade_code(251).unwrap().alpha3, "FRA");
        assert_eq!(by_trade_code(408).unwrap().alpha3, "PRK");
        assert_eq!(by_trade_code(0).unwrap().alpha3, "WLD");
        assert_eq!(by_trade_code(899), None);

        let names = [
            ("North Korea", "PRK"),
            ("north korea", "PRK"),
            ("Korea, Dem. Rep.", "PRK"),
            ("Korea, Dem. People's Rep.", "PRK"),
            ("Dem. People's Rep. of Korea", "PRK"),
            ("Dem. People\u{2019}s Rep. of Korea", "PRK"),
            ("  korea,  dem  rep ", "PRK"),
            ("Korea, Rep.", "KOR"),
            ("Rep. of Korea", "KOR"),
            ("China", "CHN"),
            ("CHINA", "CHN"),
            ("Hong Kong, China", "HKG"),
            ("China, Hong Kong SAR", "HKG"),
            ("World", "WLD"),
            ("Côte d'Ivoire", "CIV"),
            ("Cote d'Ivoire", "CIV"),
            ("Curacao", "CUW"),
            ("Turkiye", "TUR"),
            ("USA", "USA"),
            ("Viet Nam", "VNM"),
        ];
        for (name, alpha3) in names {
            assert_eq!(by_name(name).map(|c| c.alpha3), Some(alpha3), "{name}");
        }
        for name in [
            "",
            " , ",
            "Korea",
            "Areas, nes",
            "East Asia & Pacific",
            "Chin",
        ] {
            assert_eq!(by_name(name), None, "{name}");
        }
    }

    #[test]
    fn sorted_and_unique() {
        for w in COUNTRIES.windows(2) {
            assert!(
                w[0].alpha3 < w[1].alpha3,
                "not sorted: {} >= {}",
                w[0].alpha3,
                w[1].alpha3
            );
        }
        for (i, a) in COUNTRIES.iter().enumerate() {
            for b in &COUNTRIES[i + 1..] {
                assert_ne!(a.alpha3, b.alpha3);
                assert_ne!(a.m49, b.m49, "{} / {}", a.alpha3, b.alpha3);
                if !a.alpha2.is_empty() {
                    assert_ne!(a.alpha2, b.alpha2, "{} / {}", a.alpha3, b.alpha3);
                }
            }
        }
    }

    #[test]
    fn well_formed() {
        assert!(COUNTRIES.len() >= 249);
        for e in COUNTRIES {
            assert_eq!(e.alpha3.len(), 3, "{}", e.alpha3);
            assert!(
                e.alpha3 == "S19" || e.alpha3.bytes().all(|b| b.is_ascii_uppercase()),
                "{}",
                e.alpha3
            );
            assert!(
                e.alpha2.is_empty()
                    || (e.alpha2.len() == 2 && e.alpha2.bytes().all(|b| b.is_ascii_uppercase())),
                "{}",
                e.alpha3
            );
            assert!(!e.en.is_empty(), "{}", e.alpha3);
            assert!(!e.ko.is_empty(), "{}", e.alpha3);
        }
    }

    #[test]
    fn lookups() {
        let prk = by_alpha3("PRK").unwrap();
        assert_eq!(prk.alpha2, "KP");
        assert_eq!(prk.m49, 408);
        assert_eq!(prk.en, "North Korea");
        assert_eq!(prk.ko, "북한");
        assert_eq!(by_alpha3("prk"), Some(prk));
        assert_eq!(by_alpha2("kp"), Some(prk));
        assert_eq!(by_m49(408), Some(prk));

        let kor = by_alpha3("KOR").unwrap();
        assert_eq!(
            (kor.alpha2, kor.m49, kor.en, kor.ko),
            ("KR", 410, "South Korea", "한국")
        );
        let chn = by_alpha3("chn").unwrap();
        assert_eq!(
            (chn.alpha2, chn.m49, chn.en, chn.ko),
            ("CN", 156, "China", "중국")
        );

        let wld = by_m49(0).unwrap();
        assert_eq!(wld.alpha3, "WLD");
        assert_eq!(wld.ko, "세계");
        assert_eq!(by_alpha3("wld"), Some(wld));

        assert_eq!(by_m49(490).unwrap().ko, "대만");
        assert_eq!(by_m49(158).unwrap().alpha3, "TWN");
        assert_eq!(by_alpha2(""), None);
        assert_eq!(by_alpha3("XXX"), None);
        assert_eq!(by_alpha3("PR"), None);
        assert_eq!(by_alpha3("PRKX"), None);
        assert_eq!(by_m49(999), None);
    }

    #[test]
    fn known_codes() {
        let known: &[(&str, &str, u16)] = &[
            ("USA", "US", 840),
            ("JPN", "JP", 392),
            ("RUS", "RU", 643),
            ("DEU", "DE", 276),
            ("GBR", "GB", 826),
            ("HKG", "HK", 344),
            ("MAC", "MO", 446),
            ("VNM", "VN", 704),
            ("SGP", "SG", 702),
            ("MNG", "MN", 496),
            ("ARE", "AE", 784),
            ("CZE", "CZ", 203),
            ("ZAF", "ZA", 710),
        ];
        for &(a3, a2, m49) in known {
            let e = by_alpha3(a3).unwrap();
            assert_eq!((e.alpha2, e.m49), (a2, m49), "{a3}");
            assert_eq!(by_alpha2(a2), Some(e));
            assert_eq!(by_m49(m49), Some(e));
        }
    }
}
