"""Names of places people type: US states, Canadian provinces, countries and city nicknames."""

from __future__ import annotations

US_STATES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "PR": "Puerto Rico", "GU": "Guam", "VI": "Virgin Islands",
}  # fmt: skip

CA_PROVINCES: dict[str, str] = {
    "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "NT": "Northwest Territories",
    "NU": "Nunavut", "ON": "Ontario", "PE": "Prince Edward Island", "QC": "Quebec",
    "SK": "Saskatchewan", "YT": "Yukon",
}  # fmt: skip

# ISO 3166-1 alpha-2 codes for the names people most often write.
COUNTRIES: dict[str, str] = {
    "united states": "US", "united states of america": "US", "usa": "US", "us": "US",
    "u.s.": "US", "u.s.a.": "US", "america": "US", "canada": "CA", "ca": "CA",
    "united kingdom": "GB", "uk": "GB", "u.k.": "GB", "great britain": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "ireland": "IE", "germany": "DE", "france": "FR",
    "spain": "ES", "portugal": "PT", "italy": "IT", "netherlands": "NL", "belgium": "BE",
    "luxembourg": "LU", "austria": "AT", "switzerland": "CH", "sweden": "SE", "norway": "NO",
    "denmark": "DK", "finland": "FI", "iceland": "IS", "poland": "PL", "czechia": "CZ",
    "czech republic": "CZ", "slovakia": "SK", "hungary": "HU", "romania": "RO",
    "bulgaria": "BG", "greece": "GR", "croatia": "HR", "slovenia": "SI", "estonia": "EE",
    "latvia": "LV", "lithuania": "LT", "cyprus": "CY", "malta": "MT", "mexico": "MX",
    "brazil": "BR", "argentina": "AR", "chile": "CL", "colombia": "CO", "peru": "PE",
    "australia": "AU", "new zealand": "NZ", "india": "IN", "japan": "JP", "china": "CN",
    "singapore": "SG", "south korea": "KR", "korea": "KR", "philippines": "PH",
    "south africa": "ZA", "nigeria": "NG", "kenya": "KE", "israel": "IL", "egypt": "EG",
    "united arab emirates": "AE", "uae": "AE", "turkey": "TR", "ukraine": "UA",
    "eu": "EU", "european union": "EU", "europe": "EU", "worldwide": "ANY", "anywhere": "ANY",
    "global": "ANY",
}  # fmt: skip

COUNTRY_NAMES: dict[str, str] = {
    "US": "United States", "CA": "Canada", "GB": "United Kingdom", "EU": "European Union",
    "ANY": "anywhere",
}  # fmt: skip

EU_MEMBERS = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)

# Nicknames people use for cities: nickname -> (city, region, country).
CITY_NICKNAMES: dict[str, tuple[str, str, str]] = {
    "nyc": ("New York", "NY", "US"), "new york city": ("New York", "NY", "US"),
    "la": ("Los Angeles", "CA", "US"), "sf": ("San Francisco", "CA", "US"),
    "san fran": ("San Francisco", "CA", "US"), "bay area": ("San Francisco", "CA", "US"),
    "dc": ("Washington", "DC", "US"), "washington dc": ("Washington", "DC", "US"),
    "washington, d.c.": ("Washington", "DC", "US"), "philly": ("Philadelphia", "PA", "US"),
    "chi-town": ("Chicago", "IL", "US"), "vegas": ("Las Vegas", "NV", "US"),
    "nola": ("New Orleans", "LA", "US"), "atl": ("Atlanta", "GA", "US"),
}  # fmt: skip

# Large cities typed without a region, so "Denver" alone still finds Colorado.
WELL_KNOWN_CITIES: dict[str, tuple[str, str]] = {
    "new york": ("NY", "US"), "los angeles": ("CA", "US"), "chicago": ("IL", "US"),
    "houston": ("TX", "US"), "phoenix": ("AZ", "US"), "philadelphia": ("PA", "US"),
    "san antonio": ("TX", "US"), "san diego": ("CA", "US"), "dallas": ("TX", "US"),
    "san jose": ("CA", "US"), "austin": ("TX", "US"), "jacksonville": ("FL", "US"),
    "columbus": ("OH", "US"), "charlotte": ("NC", "US"), "san francisco": ("CA", "US"),
    "indianapolis": ("IN", "US"), "seattle": ("WA", "US"), "denver": ("CO", "US"),
    "boston": ("MA", "US"), "nashville": ("TN", "US"), "detroit": ("MI", "US"),
    "portland": ("OR", "US"), "las vegas": ("NV", "US"), "baltimore": ("MD", "US"),
    "milwaukee": ("WI", "US"), "atlanta": ("GA", "US"), "miami": ("FL", "US"),
    "minneapolis": ("MN", "US"), "cleveland": ("OH", "US"), "pittsburgh": ("PA", "US"),
    "st. louis": ("MO", "US"), "salt lake city": ("UT", "US"), "honolulu": ("HI", "US"),
    "jersey city": ("NJ", "US"), "newark": ("NJ", "US"), "boulder": ("CO", "US"),
    "toronto": ("ON", "CA"), "vancouver": ("BC", "CA"), "montreal": ("QC", "CA"),
    "ottawa": ("ON", "CA"), "calgary": ("AB", "CA"), "charlottetown": ("PE", "CA"),
    "london": ("", "GB"), "dublin": ("", "IE"), "berlin": ("", "DE"), "paris": ("", "FR"),
    "amsterdam": ("", "NL"), "madrid": ("", "ES"), "sydney": ("", "AU"),
}  # fmt: skip

ISO_4217 = frozenset(
    """AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP
    BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL
    GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW
    KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN
    NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK
    SGD SHP SLE SOS SRD SSP STN SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES
    VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL""".split()
)

# Currency signs and prefixes, longest first so "C$" wins over "$".
CURRENCY_SIGNS: list[tuple[str, str]] = [
    ("US$", "USD"), ("CA$", "CAD"), ("C$", "CAD"), ("AU$", "AUD"), ("A$", "AUD"),
    ("NZ$", "NZD"), ("HK$", "HKD"), ("S$", "SGD"), ("R$", "BRL"), ("MX$", "MXN"),
    ("$", "USD"), ("£", "GBP"), ("€", "EUR"), ("¥", "JPY"), ("₹", "INR"), ("₩", "KRW"),
    ("₪", "ILS"), ("₱", "PHP"), ("zł", "PLN"), ("CHF", "CHF"),
]  # fmt: skip

COUNTRY_CURRENCY: dict[str, str] = {
    "US": "USD", "CA": "CAD", "GB": "GBP", "IE": "EUR", "DE": "EUR", "FR": "EUR", "ES": "EUR",
    "IT": "EUR", "NL": "EUR", "BE": "EUR", "AT": "EUR", "PT": "EUR", "FI": "EUR", "AU": "AUD",
    "NZ": "NZD", "IN": "INR", "JP": "JPY", "SG": "SGD", "CH": "CHF", "SE": "SEK", "NO": "NOK",
    "DK": "DKK", "PL": "PLN", "MX": "MXN", "BR": "BRL",
}  # fmt: skip
