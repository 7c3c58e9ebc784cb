//! English and romanised Japanese person names: titles, first + last pairs, romaji in
//! either order, `-san` suffixes, and single first names after a cue such as
//! "ask for" or "Dear".

use std::sync::OnceLock;

use regex::Regex;

use super::tokens::{Tok, token_start_before, tokenize, word_before};
use super::{Cand, regex_err};
use crate::Label;
use crate::gazetteer::{Gazetteers, fold_romaji};
use crate::known::Known;
use crate::table::{Table, people_cell};
use crate::wordset::{self, PACKED_MAX, WordSet};

#[rustfmt::skip]
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Madam", "Mister",
    "Captain", "Capt", "Nurse", "Rev", "Revd", "Reverend", "Pastor", "Father", "Fr", "Sister", "Deacon",
    "Rabbi", "Imam", "Bishop", "Vicar",
    // Elected and appointed officers of a town ("Commissioner Abernathy").
    "Commissioner", "Councillor", "Councilor", "Councilmember", "Alderman", "Alderwoman",
    // Kin, as a family business calls its own: "Grandpa Walt", "Auntie Leilani",
    // "Nana Winnie".
    "Aunt", "Auntie", "Aunty", "Uncle", "Grandpa", "Grandma", "Granny", "Grandad", "Granddad",
    "Nana", "Nanna", "Nonna", "Nonno",
    // Titles in other languages ("Señora Rodriguez", "Sensei Nakamura").
    "Señor", "Señora", "Señorita", "Senhor", "Senhora", "Madame", "Mme", "Monsieur", "Mlle",
    "Mademoiselle", "Herr", "Frau", "Signor", "Signora", "Sensei",
];

/// Capitalised words that end a name chain or show it is an organisation or place.
/// Place words that are also common surnames ("Helen Park", "Ann Hall"): they end a
/// name only after a title-less single name, never inside a first + last pair.
const SURNAME_PLACES: &[&str] = &[
    "Park", "Hall", "Hill", "Way", "Court", "Place", "Green", "Wood", "Lake", "River", "Mountain",
    "Valley", "Town", "Bridge", "Church", "Market", "House",
];

#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "Academy", "Account", "Air", "Airlines", "Airport", "April", "Arena", "Associates",
    "August", "Avenue", "Bag", "Bakery", "Bank", "Beach", "Blend", "Boulevard", "Brand",
    "Bridge", "Bros", "Brothers", "Building", "Bundle", "Byoin", "Cable", "Cafe", "Campus",
    "Capital", "Car", "Card", "Castle", "Cathedral", "Center", "Centre", "Christmas", "Church",
    "City", "Clinic", "Club", "Co", "Coffee", "Collection", "College", "Company", "Corp",
    "Corporation", "County", "Court", "Day", "December", "Dental", "Diwali", "Drive", "Easter",
    "Edition", "Express", "February", "Fitness", "Florist", "Foods", "Foundation", "Friday",
    "Fund", "Gakuen", "Gallery", "Ginko", "Grill", "Group", "Gym", "Hall", "Halloween",
    "Hanukkah", "Harbor", "Harbour", "Heights", "Hills", "Holdings", "Hole", "Honten",
    "Hospital", "Hotel", "Hotels", "House", "Inc", "Industries", "Inn", "Institute",
    "Insurance", "Island", "January", "Jingu", "Jinja", "July", "June", "Kaikan", "Kitchen",
    "Kodo", "Koen", "Kogyo", "Labs", "Lake", "Lamp", "Lane", "Library", "Limited", "Line",
    "Llc", "Ltd", "Mail", "Mall", "March", "Market", "Max", "May", "Memorial", "Mini", "Monday",
    "Motor", "Motors", "Mountain", "Mug", "Museum", "November", "October", "Onsen", "Opera",
    "Order", "Palace", "Park", "Partners", "Passover", "Pharmacy", "Pier", "Pilates", "Place",
    "Plan", "Plaza", "Plus", "Premium", "Pro", "Program", "Programme", "Quay", "Ramadan",
    "Resort", "Restaurant", "River", "Road", "Roast", "Ryokan", "Sale", "Salon", "Saturday",
    "School", "Seisakusho", "September", "Service", "Services", "Shokai", "Shokudo", "Shop",
    "Shoten", "Shrine", "Sons", "Spa", "Square", "Stadium", "Station", "Store", "Stores",
    "Street", "Studio", "Studios", "Sunday", "Support", "Systems", "Taisha", "Team",
    "Technologies", "Temple", "Thanksgiving", "Theater", "Theatre", "Thursday", "Tote", "Tower",
    "Town", "Transport", "Trust", "Tuesday", "University", "Valley", "Village", "Way",
    "Wednesday", "Week", "Wharf", "Yoga", "Zoo",
    // Organisations, rooms and waters; days written short.
    "Llp", "Plc", "Room", "Lounge", "Wing", "Pool", "Fields", "Sea", "Ocean", "Channel", "Canal",
    "Falls", "Coast", "Farm", "Farms", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs",
    "Fri", "Sat",
    "Suite", "Suites", "Tearoom", "Tearooms", "Bistro", "Deli", "Diner", "Pub", "Tavern", "Dojo",
    "Karate",
    // Street types written short ("on Maple Ave"), and trades' firms ("Wilson Marine").
    "Ave", "Blvd", "Rd", "Marine", "Outboards", "Joinery", "Landscaping", "Auto",
    "Springs", "Physio", "Physiotherapy", "Dentistry", "Veterinary", "Vets", "Lettings",
    "Estates", "Realty", "Properties", "Success", "Ballroom", "Pavilion", "Orangery", "Conservatory",
    // Professional firms and funeral homes ("Baxter Reid Accounting", "Abernathy Dunn
    // CPAs", "Golden Lotus Funeral Home"); not "Law", which is also a surname.
    "Accounting", "Accountants", "Attorneys", "Solicitors", "Consulting", "Consultants", "Cpas",
    "Plumbing", "Roofing", "Electrical", "Removals", "Locksmiths", "Property", "Lofts",
    "Photography", "Jewellery", "Jewelry", "Textiles", "Ceramics", "Pottery", "Knitwear",
    "Embroidery", "Engraving", "Stationery",
    "Funeral", "Funerals", "Mortuary", "Crematorium", "Cemetery", "Parish",
    // Landmarks named after someone ("the Samuel Adams statue", "Betsy Ross House").
    "Statue", "Statues", "Monument", "Birthplace", "Trail", "Cottage", "Tomb", "Mansion",
    "Homestead", "State",
    // Breeds named after someone ("Jack Russell Terrier", "King Charles Spaniel").
    "Spaniel", "Spaniels", "Terrier", "Terriers", "Retriever", "Retrievers", "Poodle", "Collie",
    "Setter", "Hound", "Corgi", "Bulldog", "Schnauzer", "Doodle",
    // Things named after someone: prizes, nights, bars and terraces, companies of artists.
    "Award", "Awards", "Prize", "Medal", "Scholarship", "Fellowship", "Lecture", "Cup", "Trophy",
    "Night", "Nights", "Quiz", "Bar", "Terrace", "Ballet", "Orchestra", "Choir", "Living",
    // Works and their ensembles ("Symphony No. 5"), halls and councils ("Cedar Valley
    // Arts Council").
    "Symphony", "Concerto", "Sonata", "Requiem", "Overture", "Nocturne", "Prelude", "Quartet",
    "Quintet", "Chorus", "Auditorium", "Council", "Trio", "Sextet", "Septet", "Octet",
    "Ensemble", "Songbook", "Tribute",
    // A fishery, a stable's yard and a trophy's shield ("Grace Meadow Fishery", "the Sir
    // Galahad Shield"); a record's label, the press and a match.
    "Fishery", "Stables", "Paddock", "Shield", "Label", "Press", "Match",
    // Typefaces' and breeds' words, and a word that opens a sentence ("Gill Sans MT",
    // "Gordon Setters", "Other David Austin roses").
    "Sans", "Serif", "Setters", "Orchid", "Orchids", "Other", "Legend",
    // Japanese words in romaji, and dishes ("Aoba Matsuri", "Cedar Steam Sento",
    // "Nichiren Buddhist Temple", "Guest Wi-Fi", "Eggs Royale").
    "Matsuri", "Sento", "Wi-Fi", "Royale",
    "Florentine",
    // Bell-ringing methods and services ("Stedman Cinques", "Kent Treble Bob Major",
    // "Sung Eucharist").
    "Cinques", "Caters", "Triples", "Treble", "Eucharist", "Evensong",
    // Trades' and guilds' words ("Harrington Pianos", "Tweedside Handweavers' Guild").
    "Pianos", "Handweavers", "Guild",
    // Running and sports clubs ("Eastbank Harriers").
    "Harriers", "Striders", "Runners", "Athletics", "Rovers", "Wanderers",
    // Schemes, countries and a chain ("Gift Aid", "in Scotland", "Meet: Starbucks").
    "Aid", "Scotland", "England", "Starbucks",
    // What a family calls its elders ("Nana can add her own notes"), and a greeting
    // before a name ("Morning Bartholomew!").
    // Stands, gates and bursaries named after someone ("the Sir Tom Finney Stand", "the
    // Bob Paisley Gates"); words that open a sentence as surnames do ("Camp runs 9 am",
    // "Branch membership", "Ah, sorry"); shops' words; a Spanish greeting's.
    "Stand", "Stands", "Gates", "Bursary", "Camp", "Branch", "Ah", "Oh", "Cycles", "Bikes",
    "Feliz",
    // Perfumes' strengths and an Italian house's word ("Shalimar Parfum", "Acqua di
    // Parma"); dances ("Lindy Hop").
    "Parfum", "Cologne", "Extrait", "Absolu", "Souffle", "Toilette", "Acqua", "Hop",
    "Analytics", "Designs",
    "Nana", "Nanna", "Grandad", "Granddad", "Grandpa", "Grandma", "Granny", "Grammy", "Gramps",
    "Nonna", "Nonno", "Oma", "Opa", "Mum", "Mom", "Dad", "Morning", "Evening", "Afternoon",
    // Medicines sold under names that look like people's ("Lyrica", "Tylenol"); not
    // "Allegra", which is also a given name.
    "Lyrica", "Shingrix", "Tylenol", "Motrin", "Benadryl", "Zyrtec", "Valtrex", "Advil", "Aleve",
    "Claritin", "Xanax", "Ambien", "Lipitor", "Crestor", "Nexium", "Flonase", "Sudafed",
    "Mucinex", "Humira", "Ozempic", "Wegovy", "Calpol", "Nurofen", "Lemsip", "Gaviscon",
    // "a Virgin Mary", "Virgin Atlantic"; a cat's name ("Mr. Whiskers").
    "Virgin", "Whiskers",
    // A signature's fields ("Tel: 020 …" after a role on the line above).
    "Tel", "Fax", "Mob", "Ext",
    // Places: "Hudson Yards", "Marina Bay"; a doll; a house's or a shop's word
    // ("Maison app", "Maison Ferrand Bridal"); garments ("T-shirts (AZ-T108)").
    "Yards", "Bay", "Barbie", "Maison", "T-shirt", "T-shirts",
    // Languages and nationalities ("speaks English", "Dutch Masters").
    "English", "French", "Dutch", "German", "Spanish", "Italian", "Irish", "Scottish", "Welsh",
    "British", "American", "Japanese", "Chinese", "Korean", "Portuguese", "Russian",
    "Git", "GitHub", "GitLab",
    // Degrees and letters after a name.
    "PhD", "MBA", "MSc", "BSc", "LLM", "CPA", "DVM",
    // Things' words after a name ("Calloway Cheese & Provisions", "Colston Bassett
    // Stilton", "Bach Flower Remedies", "Herschel Space Observatory"), kimono words in
    // romaji, and a word of praise that opens a reply ("Lovely — your table is booked!").
    "Cheese", "Stilton", "Cheddar", "Remedies", "Remedy", "Space", "Kimono", "Kasuri",
    "Shiromuku", "Yuzen", "Yūzen", "Lovely",
    // "Hawk Walk", "Ceilidh Band", "Auld Lang Syne", "Gordon Dress" (a tartan).
    "Hawk", "Ceilidh", "Syne", "Dress",
    // "the Shannon Appeal", "Pendeen & Rowe Chandlery", kit and a breed.
    "Appeal", "Chandlery", "Drysuit", "Newfoundland",
    // Coffee brands and a farm's saint ("Brazil Santa Inês", "Hario V60"), grooming
    // brands, and a shop's word ("Blade & Brush").
    "Santa", "Hario", "Bodum", "Nivea", "Claymation", "Blade",
    // A hat, and a launch site's word ("Mam Tor").
    "Trilby", "Tor",
    // Karting firms and tracks, regiments and heralds, and tartans' kinds ("Bruce
    // Modern", "Gordon Highlanders", "Carrick Pursuivant").
    "Karting", "Motorsport", "Highlanders", "Pursuivant", "Modern", "Ancient",
    // Cycling clubs and tracks ("Calder Valley Wheelers", "Hoy Velodrome"), a seal
    // maker's and a craft's words ("Hankoya Tsubaki", "Tanaka Kōgei").
    "Wheelers", "Velo", "Velodrome", "Hankoya", "Kogei", "Kōgei",
    // Trades' words in firms' names ("Harwell Renewables", "Cooper & Blythe Solar",
    // "Ridgeway Pawn & Gold", "Cash Converters", "Hartley Skips", "Jones Newsagent"),
    // and styles of an age ("the original Victorian rim lock").
    "Solar", "Renewables", "Energy", "Heating", "Plumbing", "Electrical", "Roofing",
    "Glazing", "Locksmiths", "Security", "Recycling", "Removals", "Cleaning", "Pawn",
    "Converters", "Jewellers", "Builders", "Construction", "Landscaping", "Joinery",
    "Logistics", "Supplies", "Solutions", "Systems", "Technologies", "Consulting",
    "Lettings", "Estates", "Properties", "Interiors", "Flooring", "Catering", "Tyres",
    "Water", "Skips", "Scaffolding", "Blinds", "Newsagent", "Newsagents", "Valeting",
    "Storage",
    "Victorian", "Edwardian", "Georgian", "Elizabethan", "Jacobean",
];

static NOT_NAME_SET: WordSet<2048> = WordSet::new(NOT_NAMES);

/// Whether `first last` is in [`BRANDS`]: a word-set test settles most first words.
fn is_brand(first: &str, last: &str) -> bool {
    BRAND_FIRSTS.contains(first) && BRANDS.contains(&(first, last))
}

/// Whether `w` is in [`NOT_NAMES`].
fn not_name(w: &str) -> bool {
    NOT_NAME_SET.contains(w)
}

/// Months and weekdays that are also first names: ambiguous even if the word list says not.
const CALENDAR_NAMES: &[&str] = &["April", "May", "June", "July", "August", "January"];

/// Brands, characters and drinks made of a first and a last name ("Tim Hortons",
/// "Harry Potter", "Tom Collins"): no one to protect.
#[rustfmt::skip]
const BRANDS: &[(&str, &str)] = &[
    ("Morgan", "Stanley"), ("Charles", "Schwab"), ("Wells", "Fargo"), ("Goldman", "Sachs"),
    ("Merrill", "Lynch"), ("Harley", "Davidson"), ("Tommy", "Hilfiger"), ("Calvin", "Klein"),
    ("Ralph", "Lauren"), ("Kate", "Spade"), ("Marc", "Jacobs"), ("Michael", "Kors"),
    ("Dow", "Jones"), ("Baskin", "Robbins"), ("Barnes", "Noble"), ("Marks", "Spencer"),
    ("Ernst", "Young"), ("Jack", "Daniels"), ("Hugo", "Boss"), ("Louis", "Vuitton"),
    ("Estee", "Lauder"), ("Ford", "Motor"), ("John", "Lewis"), ("Henry", "Schein"),
    ("Tim", "Hortons"), ("Jack", "Daniel's"), ("Walt", "Disney"), ("Tom", "Collins"),
    // Potatoes, apples and cider apples named like people.
    ("Maris", "Piper"), ("King", "Edward"), ("James", "Grieve"), ("Charles", "Ross"),
    ("Kingston", "Black"), ("Harry", "Masters"), ("Bon", "Chrétien"), ("Swan", "Lake"),
    // Champagne houses.
    ("Dom", "Pérignon"), ("Veuve", "Clicquot"), ("Louis", "Roederer"), ("Charles", "Heidsieck"),
    ("Pol", "Roger"),
    // Mountains ("Ben Nevis").
    ("Ben", "Nevis"), ("Ben", "Lomond"), ("Ben", "Macdui"),
    ("Shirley", "Temple"), ("Harry", "Potter"), ("Jane", "Eyre"), ("Benjamin", "Button"),
    ("Sherlock", "Holmes"), ("Peter", "Pan"), ("Mickey", "Mouse"), ("Minnie", "Mouse"),
    ("Robin", "Hood"), ("Santa", "Claus"), ("Ronald", "McDonald"), ("Betty", "Crocker"),
    ("Johnnie", "Walker"), ("Jim", "Beam"), ("Captain", "Morgan"), ("Captain", "Cook"),
    ("Sam", "Adams"), ("Fred", "Perry"), ("Ted", "Baker"), ("Tom", "Ford"), ("Jimmy", "Choo"),
    ("Tory", "Burch"), ("Vera", "Wang"), ("Anne", "Klein"), ("Kenneth", "Cole"),
    ("Steve", "Madden"), ("Ben", "Sherman"), ("Jack", "Wills"), ("Laura", "Ashley"),
    ("Yves", "Rocher"), ("Dolce", "Gabbana"), ("Bob", "Evans"), ("Chuck", "Taylor"),
    ("Tommy", "Bahama"), ("Martha", "Stewart"), ("Mary", "Poppins"), ("Winnie", "Pooh"),
    ("Procter", "Gamble"), ("Ben", "Jerry's"), ("Abercrombie", "Fitch"), ("Simon", "Schuster"),
    ("Crabtree", "Evelyn"), ("Johnson", "Johnson"), ("Ben", "Jerry"), ("Earl", "Grey"),
    ("Pinot", "Gris"), ("Pinot", "Noir"), ("Pinot", "Grigio"), ("Pinot", "Blanc"),
    ("Eggs", "Benedict"), ("Bloody", "Mary"), ("Tia", "Maria"), ("Mac", "Cheese"),
    ("Jack", "Daniel"), ("Sweet", "William"), ("Mason", "Cash"), ("Le", "Creuset"),
    ("Iris", "Ohyama"), ("Morris", "Minor"), ("Marriott", "Bonvoy"), ("Hilton", "Honors"),
    ("Kia", "Niro"), ("Jackson", "Hewitt"), ("Ferrari", "Roma"), ("Johnson", "Matthey"),
    ("Grant", "Thornton"), ("Baker", "Tilly"), ("Benjamin", "Moore"), ("Molton", "Brown"),
    ("Jo", "Malone"), ("Bobbi", "Brown"), ("Charlotte", "Tilbury"), ("Cath", "Kidston"),
    ("Emma", "Bridgewater"), ("Kurt", "Geiger"), ("Sara", "Lee"), ("Duncan", "Hines"),
    ("Matthews", "Aurora"), ("Orla", "Kiely"), ("Trader", "Joe's"), ("Trader", "Joe’s"),
    ("Blue", "Cross"), ("Blue", "Shield"), ("Aston", "Martin"), ("Alfa", "Romeo"),
    ("Land", "Rover"), ("Range", "Rover"), ("Rolls", "Royce"), ("Mercedes", "Benz"),
    ("Herman", "Miller"), ("Malibu", "Barbie"), ("Mario", "Kart"), ("Takara", "Tomy"),
    ("Wella", "Koleston"),
    // Characters, model railways, cocktails, whisky, shoes and dog breeds.
    ("Hello", "Kitty"), ("Graham", "Farish"), ("Mai", "Tai"), ("Red", "Label"), ("Black", "Label"),
    ("Mary", "Jane"), ("Mary", "Janes"), ("Jack", "Russell"), ("Jack", "Russells"),
    ("Parson", "Russell"),
    // Pens, paper and a bell.
    ("Conway", "Stewart"), ("Tomoe", "River"), ("Sailor", "King"), ("Big", "Ben"),
    ("Harris", "Tweed"),
    // Fabrics and flowers; razor blades and hair clay.
    ("Tana", "Lawn"), ("Rock", "Rose"), ("Astra", "Superior"), ("Matt", "Clay"),
];

/// The first words of [`BRANDS`], to skip the pair comparison for every other word.
#[rustfmt::skip]
static BRAND_FIRSTS: WordSet<256> = WordSet::new(&[
    "Morgan", "Charles", "Wells", "Goldman", "Merrill", "Harley", "Tommy", "Calvin", "Ralph",
    "Kate", "Marc", "Michael", "Dow", "Baskin", "Barnes", "Marks", "Ernst", "Jack", "Hugo",
    "Louis", "Estee", "Ford", "John", "Henry", "Tim", "Walt", "Tom", "Shirley", "Harry", "Jane",
    "Benjamin", "Sherlock", "Peter", "Mickey", "Minnie", "Robin", "Santa", "Ronald", "Betty",
    "Johnnie", "Jim", "Captain", "Sam", "Fred", "Ted", "Jimmy", "Tory", "Vera", "Anne",
    "Kenneth", "Steve", "Ben", "Laura", "Yves", "Dolce", "Bob", "Chuck", "Martha", "Mary",
    "Winnie", "Procter", "Abercrombie", "Simon", "Crabtree", "Johnson", "Earl", "Pinot", "Eggs",
    "Bloody", "Tia", "Mac", "Sweet", "Mason", "Le", "Iris", "Morris", "Marriott", "Hilton",
    "Kia", "Ferrari", "Jackson", "Grant", "Baker", "Molton", "Jo", "Bobbi", "Charlotte", "Cath",
    "Emma", "Kurt", "Sara", "Duncan", "Matthews", "Orla", "Trader", "Blue", "Aston", "Alfa",
    "Land", "Range", "Rolls", "Mercedes", "Herman", "Malibu", "Takara", "Wella", "Mario",
    "Maris", "King", "Kingston", "Bon", "James", "Swan", "Dom", "Veuve", "Pol", "Hello",
    "Graham", "Mai", "Red", "Black", "Parson", "Conway", "Tomoe", "Sailor", "Big", "Harris",
    "Tana", "Rock", "Astra", "Matt",
]);

/// Brands and products named with a title: "Dr. Martens boots" names no one.
#[rustfmt::skip]
const TITLED_BRANDS: &[(&str, &str)] = &[
    ("Dr", "Martens"), ("Dr", "Pepper"), ("Dr", "Oetker"), ("Dr", "Scholl"), ("Dr", "Scholl's"),
    ("Dr", "Bronner's"), ("Dr", "Dre"), ("Mr", "Kipling"), ("Mr", "Clean"), ("Mr", "Muscle"),
    ("Mr", "Sheen"), ("Mr", "Potato"), ("Mr", "Bean"), ("Mrs", "Fields"), ("Mrs", "Doubtfire"),
    ("Mr", "Porter"), ("Mr", "Freeze"), ("Ms", "Pac-Man"), ("Captain", "Cook"), ("Captain", "Morgan"),
    ("Captain", "America"), ("Captain", "Hook"), ("Sister", "Act"), ("Father", "Ted"),
    ("Mrs", "Meyer"), ("Madame", "Tussauds"), ("Madame", "Butterfly"), ("Señor", "Frog's"),
    ("Uncle", "Ben"), ("Uncle", "Sam"), ("Aunt", "Jemima"), ("Auntie", "Anne"), ("Granny", "Smith"),
    ("Dr", "Eggman"), ("Madame", "Gazelle"), ("Uncle", "Nearest"), ("Professor", "Moriarty"),
    ("Inspector", "Lestrade"), ("Dr", "Bronner"), ("Dr", "Hauschka"), ("Mr", "Punch"),
];

/// Lower-case particles inside a name: "Pieter van der Berg", "Ms. de la Cruz".
#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "van", "der", "den", "de", "la", "le", "di", "da", "du", "del", "della", "von", "zu", "bin",
    "ibn", "al", "el", "dos", "das", "ter", "ten", "y", "Ní", "Nic", "Ó", "Uí", "ap",
];

/// Verbs that open a sentence before a name and are also given names.
#[rustfmt::skip]
const VERB_NAMES: &[&str] = &[
    "Meet", "Welcome", "Join", "Thank", "Call", "Ask", "Visit", "Greet", "Tell", "Text", "Email",
    "Message", "Contact", "Please",
];

/// What may follow a plain first name when it names someone doing something: "Diego
/// from our quotes team", "Jess can deliver it", "Marcus at the front desk".
#[rustfmt::skip]
const ACTS_AFTER: &[&str] = &[
    " from our ", " from the ", " will ", " can ", " has ", " handles ", " manages ", " runs ",
    " leads ", " teaches ", " is on ", " is off ", "'ll ", "’ll ", " at the front desk",
    " at reception", " at the desk", " at the counter", " at the bar", " at the door",
    " at the till", " in the ", " hosts ", " says ", " said ", " is ", " was ", " found ",
    " sent ", " made ", " asked ", " called ", " in our ", " know ", " know.", " needs ",
    " wants ", " wanted ", " would like ", " mentioned ", " told ", " emailed ", " phoned ",
    " confirmed ", " on the night shift", " on the day shift", " on duty", " left a ", " left you ",
    " checks ",
];

/// What may follow a name that is also a word or a place ("Grace", "Will") when it
/// names someone: speech and contact, which words and places do not do.
#[rustfmt::skip]
const SPEAKS_AFTER: &[&str] = &[
    " said ", " says ", " told ", " asked ", " mentioned ", " emailed ", " phoned ", " texted ",
    " from our ", " will call you", " will be in touch", " will email you", " will contact you",
    " is off today", " is on leave", " will get back to you", " will reply", " on the night shift",
    " on the day shift", " on duty",
];

/// Roles only people fill ("courier", "host" and "agent" may be firms): an unlisted
/// word set off by commas after one is a name.
#[rustfmt::skip]
const PERSON_ROLES: &[&str] = &[
    "freelancer", "stylist", "therapist", "nurse", "doctor", "technician", "consultant",
    "coordinator", "specialist", "teacher", "instructor", "trainer", "receptionist", "tutor",
    "coach", "dentist", "hygienist", "vet", "photographer", "guide", "sommelier", "barista",
    "planner", "engineer", "developer", "designer", "mechanic", "electrician", "plumber",
    "secretary", "manager", "assistant", "colleague", "advisor", "adviser", "chef", "baker",
    "florist", "cleaner", "housekeeper", "caretaker", "librarian", "pastor", "vicar", "priest",
    "son", "daughter", "wife", "husband", "mum", "mom", "dad", "mother", "father", "waiter",
    "waitress", "server", "operator", "director", "owner", "locksmith", "apprentice",
    "handyman", "roofer", "joiner", "carpenter", "decorator", "gardener", "surveyor", "fitter",
    "installer", "foreman", "supervisor", "porter", "chauffeur", "inspector", "carer",
    "caregiver", "nanny", "childminder", "leader", "buddy", "mentor",
];

static PERSON_ROLE_SET: WordSet<256> = WordSet::new(PERSON_ROLES);

/// Days, prizes and places named after someone with a title: "Dr. Seuss Read-Aloud
/// Day".
#[rustfmt::skip]
const EVENT_WORDS: &[&str] = &[
    "Day", "Award", "Awards", "Prize", "Lecture", "Memorial", "Foundation", "Institute", "Museum",
    "Festival", "Week", "Trophy", "Cup", "Medal", "Fellowship", "Scholarship",
];

/// Shops named after someone in the possessive: "Miss Marple's Tearoom".
#[rustfmt::skip]
const SHOP_WORDS: &[&str] = &[
    "Tearoom", "Tearooms", "Kitchen", "Bakery", "Cafe", "Café", "Bistro", "Deli", "Diner", "Pub",
    "Tavern", "Bar", "Restaurant", "Shop", "Store", "Emporium", "Garage", "Salon", "Inn",
    // "Nana Bea's Home Care".
    "Home", "Care", "Nursery",
    // Market stalls ("Auntie Mei's Dumplings", "Papa Joe's Jerk Shack").
    "Shack", "Dumplings", "Grill", "Smokehouse", "Pizzeria", "Tacos", "Noodles", "Jerk",
    "Splash", "Bubble", "Puddle",
    // "Uncle Will's Reserve", "Grandma Ruth's Sleepy Blend".
    "Reserve", "Blend",
];

/// Species, laws and devices named after someone in the possessive ("Ross's gull",
/// "Pascal's triangle", "Newton's cradle"): no one's.
#[rustfmt::skip]
const EPONYMS: &[&str] = &[
    "gull", "gulls", "warbler", "sandpiper", "phalarope", "phalaropes", "petrel", "swan",
    "harrier", "stint", "crake", "triangle", "cradle", "pendulum", "law", "laws", "theorem",
    "syndrome", "disease", "constant", "hawk", "hawks", "eagle", "eagles", "owl", "owls",
    "falcon", "pheasant",
];

/// Chains named after their founders: "McDonald's gift cards" names no one.
#[rustfmt::skip]
const FOUNDED: &[&str] = &[
    "McDonald", "Wendy", "Arby", "Denny", "Macy", "Sainsbury", "Claire", "Levi",
];

/// Words before which a capitalised word names a place or a thing, not a person, though
/// many are given names: places ("San Diego", "Lake Tahoe", "Fort Worth"), storms
/// ("Storm Henk") and car makers' models ("Ford Focus", "Vauxhall Corsa").
#[rustfmt::skip]
const PREFIXES_OF_THINGS: &[&str] = &[
    "San", "Santa", "Santo", "Saint", "St", "Lake", "Mount", "Mt", "Port", "Fort", "Los", "Las",
    "Cape", "Glen", "New", "North", "South", "East", "West", "Upper", "Lower", "Great", "Little",
    "Point", "Rue", "Via", "Calle", "Avenida", "Hotel", "Hôtel", "Mont",
    // Streets, squares and bridges named first ("Avenue Victor Hugo", "Place Victor Hugo").
    "Avenue", "Place", "Pont", "Piazza", "Plaza", "Quai", "Boulevard", "Parc", "Gare",
    "Storm", "Hurricane", "Typhoon", "Cyclone",
    // Wineries and houses ("Château Smith Haut Lafitte", "Maison Dubreuil").
    "Château", "Chateau", "Domaine", "Maison", "Bodega", "Tenuta", "Cantina", "Weingut",
    // Coffee farms ("Finca El Injerto", "Hacienda La Esmeralda").
    "Finca", "Hacienda", "Fazenda",
    "Ford", "Vauxhall", "Toyota", "Honda", "Nissan", "Mazda", "Subaru", "Hyundai", "Peugeot",
    "Renault", "Volkswagen", "Skoda", "Volvo", "Chevrolet", "Audi", "Fiat", "Porsche",
    "Ferrari", "Lamborghini", "Maserati", "Bugatti", "McLaren", "Jaguar", "Lotus",
    "Dodge", "Chrysler", "Buick", "Cadillac", "Tesla", "Citroën", "Citroen", "Opel", "Dacia",
    "Mitsubishi", "Daihatsu", "Lexus", "Jeep", "Polestar", "Cupra",
    // Makers of shoes, hair care and toys before a line's name ("Nike Vomero",
    // "Aveda Stress-Fix"); not those that are also names (Brooks, Stanley).
    "Nike", "Adidas", "Asics", "Saucony", "Hoka", "Mizuno", "Puma", "Reebok", "Salomon",
    "Aveda", "Redken", "Kérastase", "Schwarzkopf", "Goldwell", "Davines", "Olaplex", "Shiseido",
    "Nintendo", "Bandai", "Lego", "Hasbro", "Mattel", "Makita", "Bosch", "DeWalt",
    // Makers of bicycles and their parts ("Raleigh Motus", "Sapim Race").
    "Raleigh", "Brompton", "Dolan", "Burley", "Sapim", "Moulton",
];

/// Car makers named as no one is, alone or in the plural ("founded Ferrari in 1939",
/// "any Porsches in stock?"); not those that are also common given or Japanese family
/// names (Subaru, Honda, Mercedes, Kia, Bentley), which need a model after them.
#[rustfmt::skip]
static MAKER_SET: WordSet<64> = WordSet::new(&[
    "Ferrari", "Porsche", "Lamborghini", "Maserati", "Bugatti", "McLaren", "Dodge", "Chrysler",
    "Cadillac", "Vauxhall", "Peugeot", "Renault", "Citroën", "Citroen", "Volkswagen", "Skoda",
    "Hyundai", "Chevrolet", "Mitsubishi", "Daihatsu", "Lexus", "Toyota", "Nissan", "Mazda",
    "Audi", "Fiat", "Volvo", "Opel", "Dacia", "Jeep", "Tesla", "Jaguar", "Polestar", "Cupra",
    "Buick",
]);

/// Whether the name found at `t[c.start..c.end]` is a car's: a maker and its model
/// ("Renault Mégane E-Tech", "Aston Martin Vantage", "Kia Picantos": a maker that is also
/// a given name needs a model that is no surname) or a maker alone, in the plural too,
/// with no title before it ("Ms Ferrari" is someone).
fn vehicle(t: &str, c: &Cand, g: &Gazetteers, key: &mut String) -> bool {
    let name = &t[c.start..c.end];
    let (first, rest) = name.split_once(' ').unwrap_or((name, ""));
    if !rest.is_empty() {
        let second = first_word(rest);
        let mut model = || second.len() > 1 && g.last(second, key).is_none();
        return (PREFIX_OF_THING_SET.contains(first) && MAKER_SET.contains(first))
            || is_brand(first, second.strip_suffix('s').unwrap_or(second))
            || (matches!(first, "Kia" | "Mercedes") && model());
    }
    let one = name.strip_suffix('s').filter(|m| MAKER_SET.contains(m));
    (MAKER_SET.contains(name) || one.is_some()) && !titled(&t[..c.start])
}

/// Whether the name found at `t[c.start..c.end]` is a station's or an airport's after
/// its city ("Boston Logan", "Edinburgh Waverley"): a listed place that is no one's
/// first or last name opens it or stands right before it.
fn station(t: &str, c: &Cand, g: &Gazetteers, key: &mut String) -> bool {
    let name = &t[c.start..c.end];
    let city = |w: &str, key: &mut String| {
        is_cap(w) && g.is_place(w, key) && g.first(w, key).is_none() && g.last(w, key).is_none()
    };
    let opens = name
        .split_once(' ')
        .is_some_and(|(first, _)| city(first, key));
    let before = t[..c.start].strip_suffix(' ').map(last_word);
    opens || before.is_some_and(|w| !w.is_empty() && city(w, key))
}

/// The end of a full name with a nickname in quotes between its parts ('Albert "Bert"
/// Nowak', "James “Jim” O’Neill"), when token `k` is a listed first name, the nickname
/// one capitalised word and the surname after it a listed surname or no word at all.
fn nicknamed(cx: &Cx, k: usize, key: &mut String) -> Option<usize> {
    let Cx { t, toks, g, .. } = *cx;
    let first = &t[toks[k].s..toks[k].e];
    let after = &t[toks[k].e..];
    let (inner, close) = if let Some(inner) = after.strip_prefix(" \"") {
        (inner, "\"")
    } else {
        (after.strip_prefix(" “")?, "”")
    };
    let nick = inner.split(close).next()?;
    if nick.is_empty() || nick.len() > 20 || !is_cap(nick) || nick.contains(' ') {
        return None;
    }
    let rest = inner[nick.len()..].strip_prefix(close)?.strip_prefix(' ')?;
    let last_len = rest
        .find(|c: char| !(c.is_alphabetic() || matches!(c, '\'' | '’' | '-')))
        .unwrap_or(rest.len());
    let last = rest[..last_len].trim_end_matches(['\'', '’']);
    let surname = is_cap(last) && (g.last(last, key).is_some() || unlisted(g, last, key));
    // 'Gabrielle "Coco" Chanel' is a public figure.
    let famous = || {
        super::famous::is_figure(&format!("{nick} {last}"))
            || super::famous::is_figure(&format!("{first} {last}"))
    };
    (g.first(first, key).is_some() && surname && !famous())
        .then(|| t.len() - rest.len() + last.len())
}

/// Whether a year in brackets follows a name, as a film's, a book's or an album's
/// ("Annie Hall (1977)", "*Captain Phillips* (2013)"), perhaps after its maker's name
/// ("*Cinderella* (Prokofiev, 1945)"), or a book's number ("Lennard Zinn (ISBN …)"):
/// a work's title or its author. A span of years is a life's ("Florence
/// Adeyemi-Clarke (1938–2025)").
fn work_year(after: &str) -> bool {
    after.strip_prefix(" (").is_some_and(|a| {
        if a.starts_with("ISBN") {
            return true;
        }
        // The maker: capitalised words and a comma.
        let a = a
            .split_once(", ")
            .filter(|(maker, _)| {
                maker.len() <= 40
                    && maker
                        .split(' ')
                        .all(|w| w.starts_with(|c: char| c.is_uppercase()))
            })
            .map_or(a, |(_, year)| year);
        let b = a.as_bytes();
        b.len() >= 5
            && b[..4].iter().all(u8::is_ascii_digit)
            && b[4] == b')'
            && matches!(&a[..2], "18" | "19" | "20")
    })
}

/// Words that sign a message off before a comma and the signer ("Love, Hattie",
/// "*Best, Tanya*").
const SIGN_OFFS: &[&str] = &[
    "Love",
    "Cheers",
    "Thanks",
    "Best",
    "Warmly",
    "Regards",
    "Yours",
    "Sincerely",
];

/// Whether `name` is a sign-off's word before its comma ("Love, Hattie & Jonah").
fn signs_off(name: &str, after: &str) -> bool {
    after.starts_with(',') && SIGN_OFFS.contains(&name)
}

/// Whether a title ends `before` ("Mr ", "Dr. ").
fn titled(before: &str) -> bool {
    strip_title(before).is_some()
}

/// `before` without the title that ends it and the space or stop after that ("Our bar
/// cat, Mr. " → "Our bar cat, "), if a title ends it.
fn strip_title(before: &str) -> Option<&str> {
    let head = before.trim_end_matches(' ').trim_end_matches('.');
    let w = last_word(head);
    (head.len() < before.len() && TITLE_SET.contains(w)).then(|| &head[..head.len() - w.len()])
}

static PREFIX_OF_THING_SET: WordSet<256> = WordSet::new(PREFIXES_OF_THINGS);
static VERB_NAME_SET: WordSet<64> = WordSet::new(VERB_NAMES);
static SURNAME_PLACE_SET: WordSet<64> = WordSet::new(SURNAME_PLACES);

/// Names of assistants, which are not people: the product's own bot is "Mimi".
/// Assistants' names: this product's, and voice assistants' ("*"Alexa, remind me…"*").
const BOT_NAMES: &[&str] = &["Mimi", "Alexa", "Siri"];

const HONORIFIC_SUFFIXES: &[&str] = &["-san", "-sama", "-sensei", "-kun", "-chan", "-shi"];

static TITLE_SET: WordSet<128> = WordSet::new(TITLES);

/// Roles that stand before a name as a title does ("Coach Dunn"), but are words too.
#[rustfmt::skip]
static ROLE_TITLE_SET: WordSet<32> = WordSet::new(&[
    "Coach", "Chef", "Officer", "Detective", "Judge", "Sergeant", "Inspector", "Councillor",
    "Councilor", "Mayor", "Senator", "Principal", "Headteacher", "Director",
]);

/// Roles before a name as a title, before a first name only ("Farmer Dan", "Skipper
/// Angus MacLeod", "Nurse Manager Grace Adeyemi"; not "Farmer Market", "Manager Portal").
static ROLE_TITLE_FIRST_SET: WordSet<8> = WordSet::new(&["Manager", "Farmer", "Skipper"]);

/// What every name rule reads: the window, its words, the lists and the piece's end.
#[derive(Clone, Copy)]
struct Cx<'a> {
    t: &'a str,
    toks: &'a [Tok],
    g: &'a Gazetteers,
    hi: usize,
    /// Where the last name found before the piece ends, if in `t`.
    prev: Option<usize>,
    /// Where the piece starts, and the Markdown table the text before it ends in
    /// (`None` when no cell can lie in the piece).
    lo: usize,
    table: Option<&'a Table>,
    /// The parts of the names found before the piece.
    known: &'a Known,
}

/// What the driver carries from the pieces before to the name rules.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Carried<'a> {
    /// Where the last name found before the piece ends, if in the window.
    pub prev: Option<usize>,
    /// The Markdown table the text before the piece ends in, when a cell may lie in
    /// the piece.
    pub table: Option<&'a Table>,
    /// The parts of the names found before the piece.
    pub known: &'a Known,
}

/// Buffers the name rules reuse from piece to piece.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    /// The words of the window.
    toks: Vec<Tok>,
    /// A word folded for the romaji look-ups.
    key: String,
}

/// The English and romaji name detector.
pub(crate) struct PersonEn {
    cue: Regex,
    strong_cue: Regex,
    /// A role (group 1), then "is": "Your courier today is ", "our host was ".
    role_is: Regex,
    vocative: Regex,
    /// The stems of renown ([`FAME_STEMS`]): the window's gate for [`renowned`].
    fame_gate: aho_corasick::packed::Searcher,
}

/// People's roles and kin, which cue the name after them ("our driver Will", "your
/// stylist, Jordan,").
const ROLE_WORDS: &str = "manager|agent|representative|rep|advisor|adviser|assistant|colleague|technician|consultant|coordinator|specialist|stylist|therapist|nurse|doctor|host|owner|chef|driver|courier|teacher|instructor|trainer|receptionist|concierge|florist|baker|tutor|coach|cleaner|housekeeper|dentist|hygienist|vet|photographer|guide|sommelier|barista|planner|organi[sz]er|director|officer|clerk|pharmacist|mechanic|engineer|electrician|plumber|caretaker|secretary|lead|liaison|key worker|landlord|landlady|contractor|treasurer|chair|chairperson|president|principal|headteacher|volunteer|leader|librarian|warden|pastor|vicar|priest|freelancer|developer|designer|operator|server|waiter|waitress|nutritionist|dietitian|optician|optometrist|barber|hairdresser|beautician|colou?rist|esthetician|aesthetician|manicurist|masseuse|masseur|physio|physiotherapist|surgeon|midwife|groomer|orthodontist|audiologist|counsell?or|lecturer|examiner|referee|umpire|locksmith|inspector|apprentice|carer|caregiver|care worker|nanny|childminder|handyman|roofer|joiner|carpenter|decorator|gardener|surveyor|fitter|installer|foreman|supervisor|dispatcher|porter|chauffeur|professor|dean|researcher|key ?holder|buddy|mentor|son|daughter|wife|husband|partner|mum|mom|dad|mother|father|spouse|brother|sister|grandson|granddaughter|grandchild|niece|nephew|cousin|fianc[ée]e?|stepson|stepdaughter|tailor|seamstress|dressmaker|handler|underwriter|broker|adjuster|banker|cashier|teller|recruiter|interviewer|bride|groom|bridesmaid|best man|maid of honou?r|usher|negotiator|conveyancer|valuer|solicitor|translator|interpreter|distiller|brewer|projectionist|booker|farrier|builder|craftsman|craftswoman|setter|assessor|cobbler|ghillie|shaper|observer|cheesemonger|herbalist";

/// Whether `word` is one of [`ROLE_WORDS`], in any case, perhaps in the plural (a
/// table's header: "Therapist", "Hosts").
pub(crate) fn is_role(word: &str) -> bool {
    static ROLE: OnceLock<Option<Regex>> = OnceLock::new();
    ROLE.get_or_init(|| Regex::new(&format!("(?i)^(?:{ROLE_WORDS})s?$")).ok())
        .as_ref()
        .is_some_and(|re| re.is_match(word))
}

impl PersonEn {
    /// Whether a strong cue ("ask for", "contact", "dear") ends the text before `s`.
    pub(crate) fn strongly_cued(&self, t: &str, s: usize) -> bool {
        self.strong_cue.is_match(recent(t, s))
    }

    /// Compiles the context cues.
    pub fn new() -> Result<Self, String> {
        let strong = r"(?:taught|led|hosted|presented|baked|cooked|photographed|cut|styled|colou?red|treated|examined|groomed|trimmed|coached|trained|fitted|tutored|mentored) by|feedback from|review from|ask for|speak (?:to|with)|talk to|contact|dear|hi|hello|hey|name is|named|name's|i'm|i am|this is|call me|sorry|good (?:morning|afternoon|evening)|welcome back|no problem|love from|meet|the name|calls? (?:her|him|me)|(?:booked|booking(?: is)?|reserved|reservation(?: is)?|table(?: is)?) under|surname|family name|last name|first name|given name|happy birthday|happy [0-9]+(?:st|nd|rd|th) birthday|birthday to|god bless|(?:in loving |in )?memory of|n[ée]e|maiden name(?: is| was)?|congratulations|congrats|(?:who|he|she) goes by|they go by|year-old|year old|hallo|hiya|howdy|bonjour|hola|ciao";
        let weak = format!(
            r"email|e-mail|reach|call|phone|ring|ask|tell|write to|with|confirm with|check with|thanks to|thank you to|joined by|message|text|thanks|thank you|regards|cheers|best|sincerely|{ROLE_WORDS}|let|cc|attn|attention|(?:for the )?attention of|fao|c/o|care of|signed|customer|guest|patient|client|member|booked for|reserved for|under|addressed to|payable to|assigned to|escalated to|forwarded to|passed to|handed (?:over )?to|transferred to|referred to|love|love always|all my love|with love|yes|sure|you and|of course|absolutely|certainly|copy in|copying in|(?:run|signed(?: for)?|approved|handled|managed|organi[sz]ed|prepared|written|shot|packed|made|delivered|done|taken|received|pressed|collected|repaired|cleaned|inspected) by"
        );
        Ok(PersonEn {
            // A label before a colon ("**Invoices:** Grace Adeyemi") is a weak cue too.
            cue: Regex::new(&format!(
                r"(?i)(?:(?:^|[^a-z])(?:{strong}|{weak})(?: today| tomorrow| tonight| this [a-z]+| next [a-z]+| on [a-z]+day)?(?: is| was| will be)?[,:]?|:\**)\s+[\x22“*_]{{0,2}}$"
            ))
            .map_err(regex_err)?,
            // "Your account contact is Fenella": "is" may follow.
            strong_cue: Regex::new(&format!(
                r"(?i)(?:^|[^a-z])(?:{strong})(?: is| was| will be)?[,:]?\s+[\x22“]?$"
            ))
                .map_err(regex_err)?,
            role_is: Regex::new(&format!(
                r"(?i)(?:^|[^a-z])({ROLE_WORDS})(?: today| tomorrow| tonight| this [a-z]+| next [a-z]+| on [a-z]+day| to you| (?:for|assigned to|on|at) [a-z0-9'’ ]{{1,30}})? (?:is|was|will be)(?: usually| normally| always)? $"
            ))
            .map_err(regex_err)?,
            // "Thanks for your patience, Florence!": a greeting, thanks or an apology
            // that opens the sentence, then the name after a comma.
            vocative: Regex::new(
                // ASCII classes and word boundary: a Unicode word boundary stops the
                // fast engine at the first non-ASCII character.
                r"(?i)(?:^|[.!?]\s+|\n|[\x22“(]|[–—-]\s)[^A-Za-z0-9_]{0,3}(?:thanks|thank you|sorry|hi|hello|hey|dear|happy [a-z0-9]+|congratulations|congrats|good catch|welcome(?: back)?|good (?:morning|afternoon|evening)|great|(?:good|great|bad|exciting|fantastic|wonderful) news|apologies|all set|all done|no problem|no worries|of course|got it|sure|okay|ok|certainly|absolutely|noted|perfect|lovely|understood|will do|(?:you're|you are|you’re) all set|well done|nice (?:work|one|job)|(?:good|great) (?:job|work|luck)|best of luck|bravo|have an? [a-z]+|enjoy (?:your|the) [a-z]+|safe travels|take care|greetings)(?-u:\b)[^.!?\n]{0,40}, $",
            )
            .map_err(regex_err)?,
            fame_gate: fame_gate().ok_or("the stems of renown have no packed searcher")?,
        })
    }

    /// Finds names whose tokens lie in `t[piece]`; `first_upper` is the offset of the
    /// piece's first ASCII capital (or its end).
    pub fn find(
        &self,
        t: &str,
        piece: std::ops::Range<usize>,
        first_upper: usize,
        carried: Carried,
        bufs: &mut Buffers,
        out: &mut Vec<Cand>,
    ) {
        let std::ops::Range { start: lo, end: hi } = piece;
        let Carried { prev, table, known } = carried;
        let Buffers { toks, key } = bufs;
        // Every rule starts at a capitalised token, and only the one token before it is
        // ever looked at: tokenise from there, skipping the left context and the piece's
        // lower-case start.
        if first_upper >= hi {
            return;
        }
        tokenize(
            t,
            token_start_before(t.as_bytes(), first_upper.max(lo)),
            hi,
            toks,
        );
        let g = Gazetteers::get();
        if memchr::memchr(b'/', &t.as_bytes()[first_upper..hi]).is_some() {
            slashed(t, first_upper.max(lo), hi, g, key, out);
        }
        inverted(t, first_upper.max(lo), hi, g, key, out);
        let cx = Cx {
            t,
            toks,
            g,
            hi,
            prev,
            lo,
            table,
            known,
        };
        // Whether the window holds a year of history ("in 1860"), asked once and only
        // when a name needs it: most windows hold none.
        let renown = std::cell::OnceCell::new();
        let mut k = 0;
        while k < toks.len() {
            let tok = toks[k];
            if tok.s < lo || tok.e > hi {
                k += 1;
                continue;
            }
            let found = out.len();
            let next = self.at(&cx, k, key, out);
            // "\"An Evening with Agatha Christie\"": a name in a quoted title is no one;
            // nor is one in a compound ("the Elvis Presley-themed night").
            // Nor is a full name after "the" ("the Liberty Bell", "the Frank Lloyd Wright
            // house"): a person's is not written so.
            // So is one after a title's "The" ("*The Lion King*").
            let the = |c: &Cand| {
                t[c.start..c.end].contains(' ')
                    && (t[..c.start].ends_with(" the ")
                        || t[..c.start].strip_suffix("The ").is_some_and(|h| {
                            h.is_empty() || h.ends_with(['*', '_', '"', '“', '\n', '(', ' '])
                        }))
            };
            // "Anne Hathaway's Cottage", "Raphael's tomb": a place or a thing named after
            // someone, in the possessive.
            let owned_thing = |c: &Cand| {
                possessed(&t[c.end..]).is_some_and(|r| {
                    let w = r.split([' ', ',', '.', '*']).next().unwrap_or("");
                    SHOP_WORDS.contains(&w) || OWNED_PLACES.contains(&w) || EPONYMS.contains(&w)
                })
            };
            if out.len() > found
                && out[found..].iter().any(|c| {
                    firm_after(&t[c.end..])
                        || thing_word_after(&t[c.end..], g, key)
                        // "Yes, Stanley knife blades": a thing's noun after a
                        // name no title goes before ("Dr Farah's room 3" is hers).
                        || (attributive(t, c.start, &t[c.end..]) && !titled(&t[..c.start]))
                        || station(t, c, g, key)
                        || work_year(&t[c.end..])
                        || signs_off(&t[c.start..c.end], &t[c.end..])
                        || regnal(&t[c.end..])
                        || in_title(t, c.start, c.end)
                        || styled(&t[c.start..c.end])
                        || the(c)
                        || owned_thing(c)
                        || pet(t, c)
                        || animal_named(t, c)
                        || alone_in_quotes(t, c.start, c.end)
                        || century_figure(t, c.start, c.end)
                        || renowned(t, c.start, c.end, || *renown.get_or_init(|| Renown::of(t, &self.fame_gate)))
                        || no_one_by_words(t, c.start, c.end)
                        || known_by_words(t, c.start, c.end)
                        || model_after(&t[c.end..])
                        || romaji_place_or_thing(t, c.start, c.end)
                        || vehicle(t, c, g, key)
                })
            {
                out.truncate(found);
            }
            // "2. **Grace Adeyemi** — +44 …": a first name that is also a word, before a
            // surname found on its own, is part of the name.
            for c in &mut out[found..] {
                if let Some(j) = first_name_before(&cx, c, key) {
                    c.start = toks[j].s;
                }
            }
            // "by K. Morrison": the initial before a name found on its own is part of it;
            // "M." before a full name is French for "Mr" ("M. Lucien Marchand").
            let b = t.as_bytes();
            for c in &mut out[found..] {
                let s = c.start;
                let initial = s >= lo + 3
                    && &b[s - 2..s] == b". "
                    && b[s - 3].is_ascii_uppercase()
                    && (s - 3 == 0 || b[s - 4] == b' ')
                    && !(b[s - 3] == b'M' && t[s..c.end].contains(' '));
                if c.label == Label::Person && initial {
                    c.start = s - 3;
                }
            }
            k = next.max(k + 1);
        }
    }

    /// Looks for a name starting at token `k`; returns the next token to look at.
    fn at(&self, cx: &Cx, k: usize, key: &mut String, out: &mut Vec<Cand>) -> usize {
        let Cx { t, toks, g, hi, .. } = *cx;
        let word = |i: usize| &t[toks[i].s..toks[i].e];
        let w = word(k);
        // Every rule below needs a capital first letter (titles, brands, names).
        if !starts_upper(w) {
            return k + 1;
        }
        // "TANAKA Aiko", "Haruto INOUE": a romanised name with the family name in
        // capitals, as on a passport.
        if let Some(end) = caps_romaji(cx, k, key) {
            out.push(Cand::new(toks[k].s, toks[end].e, Label::Person));
            return end + 1;
        }
        if let Some(end) = caps_honoured(cx, k, key) {
            out.push(Cand::new(toks[k].s, toks[end].e, Label::Person));
            return end + 1;
        }
        if let Some(end) = surname_comma_given(cx, k, key) {
            out.push(Cand::new(toks[k].s, toks[end].e, Label::Person));
            return end + 1;
        }
        if let Some(end) = self.caps_cued(cx, k, key) {
            out.push(Cand::new(toks[k].s, toks[end].e, Label::Person));
            return end + 1;
        }
        // 'Margaret "Peggy" Hollis': a first name, a nickname in quotes, a surname.
        if let Some(e) = nicknamed(cx, k, key) {
            out.push(Cand::new(toks[k].s, e, Label::Person));
            return toks.iter().position(|tok| tok.s >= e).unwrap_or(toks.len());
        }
        // "Cards can go to the Delgado family", "The Okoro family wishes to thank…": a
        // family named by its surname.
        if let Some(n) = toks.get(k + 1)
            && &t[n.s..n.e] == "family"
            && &t[toks[k].e..n.s] == " "
            && (t[..toks[k].s].ends_with("the ") || t[..toks[k].s].ends_with("The "))
            && is_cap(w)
            && (g.last(w, key).is_some() || unlisted(g, w, key))
            && !is_not_name(w)
            && !matches!(w, "Royal" | "Imperial" | "Holy")
        {
            out.push(Cand::new(toks[k].s, toks[k].e, Label::Person));
            return k + 2;
        }
        // "M. Lucien Marchand": "M." before a first name and a surname is French for
        // "Mr".
        if w == "M"
            && let [n, m, ..] = &toks[k + 1..]
            && &t[toks[k].e..n.s] == ". "
            && &t[n.e..m.s] == " "
            && g.first(&t[n.s..n.e], key).is_some()
            && is_cap(&t[m.s..m.e])
        {
            return self.titled(t, toks, k, hi, out);
        }
        // "signed for by J. Whitfield": an initial and a surname after a cue.
        if is_initial(w)
            // A letter on its own, not the end of "B&B".
            && (toks[k].s == 0 || !t.as_bytes()[toks[k].s - 1].is_ascii_graphic()
                || matches!(t.as_bytes()[toks[k].s - 1], b'*' | b'_' | b'"' | b'(' | b'|'))
            && let Some(n) = toks.get(k + 1)
            && &t[toks[k].e..n.s] == ". "
            && n.e <= hi
            && (g.last(&t[n.s..n.e], key) == Some(false) || unlisted(g, &t[n.s..n.e], key))
            && (self.cue.is_match(recent(t, toks[k].s))
                || t[..toks[k].s].ends_with(" to ")
                || house_number_after(&t[n.e..])
                // "the name tag *R. Singh*": a listed surname that is no word, and no
                // capitalised word after it ("J. Sainsbury Ltd").
                || (g.last(&t[n.s..n.e], key) == Some(false)
                    && !toks.get(k + 2).is_some_and(|m| {
                        &t[n.e..m.s] == " " && starts_upper(&t[m.s..m.e])
                    })))
        {
            out.push(Cand::new(toks[k].s, n.e, Label::Person));
            return k + 2;
        }
        // Every suffix holds a hyphen; most words hold none.
        let suffixed = || HONORIFIC_SUFFIXES.iter().find_map(|h| w.strip_suffix(h));
        let hyphen = w.as_bytes().contains(&b'-');
        if let Some(base) = hyphen.then(suffixed).flatten() {
            let (fam, giv) = if is_cap(base) {
                romaji(g, base, key)
            } else {
                (false, false)
            };
            if fam || giv || (is_cap(base) && g.en_last.contains_key(base)) {
                // "Tanabe Hiroshi-san": a romaji name before the suffixed one is its other
                // half.
                let s = k
                    .checked_sub(1)
                    .map(|j| &toks[j])
                    .filter(|p| {
                        (fam || giv) && &t[p.e..toks[k].s] == " " && is_cap(&t[p.s..p.e]) && {
                            let (pf, pg) = romaji(g, &t[p.s..p.e], key);
                            pf && giv || pg && fam
                        }
                    })
                    .map_or(toks[k].s, |p| p.s);
                out.push(Cand::new(s, toks[k].s + base.len(), Label::Person));
            }
            return k + 1;
        }
        // "President John F. Kennedy", "Queen Elizabeth II", "Count Camillo Negroni": a
        // head of state's, a monarch's or a noble's title before a name (not a surname
        // after a title, "Ms King") makes a public figure, whose name is no one's data.
        let packed = wordset::key(w);
        if packed.is_some_and(|p| PUBLIC_TITLE_SET.holds(p))
            && toks
                .get(k + 1)
                .is_some_and(|n| &t[toks[k].e..n.s] == " " && starts_upper(&t[n.s..n.e]))
        {
            let chain = chain(t, toks, k + 1, hi);
            return chain.as_slice().last().map_or(k + 1, |&e| e + 1);
        }
        if packed.is_some_and(|p| TITLE_SET.holds(p)) {
            return self.titled(t, toks, k, hi, out);
        }
        // "Coach Dunn", "Chef Ramos": a role used as a title, before a listed name only
        // ("Coach Parking" is none).
        if packed.is_some_and(|p| ROLE_TITLE_SET.holds(p))
            && let Some(n) = toks.get(k + 1)
            && &t[toks[k].e..n.s] == " "
            && n.e <= hi
            && is_cap(&t[n.s..n.e])
            && (g.last(&t[n.s..n.e], key).is_some() || g.first(&t[n.s..n.e], key) == Some(false))
        {
            return self.titled(t, toks, k, hi, out);
        }
        if packed.is_some_and(|p| ROLE_TITLE_FIRST_SET.holds(p))
            && let Some(n) = toks.get(k + 1)
            && &t[toks[k].e..n.s] == " "
            && n.e <= hi
            && is_cap(&t[n.s..n.e])
            && g.first(&t[n.s..n.e], key).is_some()
        {
            return self.titled(t, toks, k, hi, out);
        }
        // "trained at Le Cordon Bleu", "eight years at Kaiser Permanente": after "at"
        // (no title before it) capitalised words name a place or a firm, not a person;
        // so do the others listed with them ("at Ernst & Young, Grant Thornton and
        // Baker Tilly"). A comma goes on with the list only when "and" closes it later:
        // in "at Hartley & Finch, Matteo Bianchi" a name signs.
        // So do the words after "t/a" or "trading as" ("Oliver Hartley t/a Hartley
        // Joinery"): a trading name.
        let before = &t[..toks[k].s];
        if [" at ", "\nAt ", " t/a ", " T/A ", " trading as "]
            .iter()
            .any(|w| before.ends_with(w))
        {
            let (mut end, mut before_comma) = (k, None);
            while let Some(n) = toks.get(end + 1)
                && let gap = &t[toks[end].e..n.s]
                && matches!(gap, " " | ", " | " and " | ", and " | " & ")
                && starts_upper(&t[n.s..n.e])
            {
                match gap {
                    ", " => before_comma = before_comma.or(Some(end)),
                    " and " | ", and " => before_comma = None,
                    _ => {}
                }
                end += 1;
            }
            return before_comma.unwrap_or(end) + 1;
        }
        // "Johnson & Johnson", "Johnson and Johnson": a word joined to itself names a
        // firm.
        // "and" is a token of its own; "&" is none.
        let joined = |a: usize, b: usize| {
            let gap = &t[toks[a].e..toks[b].s];
            (gap == " & " || (b == a + 2 && &t[toks[a + 1].s..toks[a + 1].e] == "and" && gap == " and "))
                && t[toks[a].s..toks[a].e] == t[toks[b].s..toks[b].e]
                // Not "Maria and Maria Lopez".
                && !toks
                    .get(b + 1)
                    .is_some_and(|n| &t[toks[b].e..n.s] == " " && starts_upper(&t[n.s..n.e]))
        };
        if let Some(b) = (k + 1..toks.len().min(k + 3)).find(|&b| joined(k, b)) {
            return b + 1;
        }
        if (k.saturating_sub(2)..k).any(|a| joined(a, k)) {
            return k + 1;
        }
        // "- Portland, OR": a town before its state's code is a place (at the end of
        // the line or before a ZIP code; "Maria, OK?" is a question).
        if let Some(code) = t[toks[k].e..].strip_prefix(", ")
            && let [b'A'..=b'Z', b'A'..=b'Z', rest @ ..] = code.as_bytes()
            && super::places::US_STATES.contains(&&code[..2])
            && match rest {
                [] | [b'\n' | b';' | b')' | b',', ..] => true,
                [b' ', c, ..] => c.is_ascii_digit() || *c == b'\n',
                _ => false,
            }
        {
            return k + 1;
        }
        // "Le Jardin", "La Maison": a French article opens a place's name (not "Le Minh",
        // a first name after it).
        if matches!(w, "Le" | "La" | "Les")
            && let Some(n) = toks.get(k + 1)
            && &t[toks[k].e..n.s] == " "
            && starts_upper(&t[n.s..n.e])
            && g.first(&t[n.s..n.e], key).is_none()
        {
            return k + 2;
        }
        // "*Tradesperson of the Year*": a prize.
        if t[toks[k].e..].starts_with(" of the Year") {
            return k + 1;
        }
        if packed.is_some_and(|p| BRAND_FIRSTS.holds(p))
            && toks
                .get(k + 1)
                .is_some_and(|n| BRANDS.contains(&(w, &t[n.s..n.e])))
        {
            return k + 2;
        }
        if !is_cap(w) {
            return k + 1;
        }
        // "| 10:00 | Beatriz |" under "| Time | Host |": a first name alone in a cell of
        // a column of people.
        // So is a word no list holds ("| Morwenna | 8 seasons |"), and two or three
        // capitalised words filling such a cell, the first a first name or none listed
        // ("| Sun-Hee Park | Immigration |").
        if let Some(tb) = cx.table {
            let listed = |w: &str, key: &mut String| {
                g.first(w, key).is_some()
                    || unlisted(g, w, key)
                    || (w.contains('-') && w.split('-').all(|p| is_cap(p) && !g.is_word(p, key)))
            };
            let cell_end = (k..toks.len().min(k + 3))
                .take_while(|&i| i == k || (&t[toks[i - 1].e..toks[i].s] == " " && is_cap(word(i))))
                .filter(|&i| people_cell(tb, t, cx.lo, toks[k].s, toks[i].e))
                .last();
            if let Some(end) = cell_end
                && listed(w, key)
                && (end == k || !not_name(word(end)) || SURNAME_PLACE_SET.contains(word(end)))
            {
                out.push(Cand::new(toks[k].s, toks[end].e, Label::Person));
                return end + 1;
            }
        }
        // "Sorry, McDonald's gift cards…": a chain, even after a cue.
        if possessed(&t[toks[k].e..]).is_some() && FOUNDED.contains(&w) {
            return k + 1;
        }
        // "Mt. Inasa", "Lake Tahoe": a place's name after a place word (the word test
        // last: it compares strings).
        let after_place = k > 0
            && matches!(&t[toks[k - 1].e..toks[k].s], " " | ". ")
            && is_cap(word(k - 1))
            && PREFIX_OF_THING_SET.contains(word(k - 1));
        if after_place {
            return k + 1;
        }
        // "Keller Hall 412", "Pascal Hall (Room 204)": a building, by its room (a short
        // number alone; not a phone number: "Ann Hall 07700 900123").
        if let Some(n) = toks.get(k + 1)
            && let Some(after) = t[n.e..].strip_prefix(' ')
            && (after.starts_with(|c: char| c.is_ascii_digit()) || after.starts_with("(Room "))
            && &t[toks[k].e..n.s] == " "
            && SURNAME_PLACE_SET.contains(word(k + 1))
        {
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            let room = (1..=4).contains(&digits)
                && after.as_bytes().get(digits).is_none_or(|&b| {
                    matches!(b, b'\n' | b',' | b')' | b';') || b.is_ascii_uppercase()
                });
            if after.starts_with("(Room ") || room {
                return k + 2;
            }
        }
        // "Olivia Grant | CEO" … "Olivia founded the agency": a part of a name found
        // earlier in the text, alone, names that person again.
        // Not a word ("The", "Grant"): a name found in error should not spread.
        if cx.known.contains(w) && alone(cx, k) && !g.is_word(w, key) {
            out.push(Cand::new(toks[k].s, toks[k].e, Label::Person));
            return k + 1;
        }
        // "Hours: Thu–Sun": a range of days is no double-barrelled name.
        if day_range(w) {
            return k + 1;
        }
        // "**Kaizen Academy**", "Kaizen Karate Dojo": an organisation's word right after
        // it names a place or a firm (a place word that is also a surname, "Seo-yeon
        // Park", is left to the chain rules).
        if let Some(n) = toks.get(k + 1)
            && &t[toks[k].e..n.s] == " "
            && is_not_name(&t[n.s..n.e])
            && !SURNAME_PLACE_SET.contains(&t[n.s..n.e])
            // Not a month that is a first name after a greeting ("Hi April!").
            && g.first(&t[n.s..n.e], key).is_none()
        {
            return k + 2;
        }
        // "Gillian Lynne Theatre", "Sarah Jones Photography": so after two capitalised
        // words.
        if let [n, m, ..] = &toks[k + 1..]
            && &t[toks[k].e..n.s] == " "
            && &t[n.e..m.s] == " "
            && is_cap(&t[n.s..n.e])
            && is_not_name(&t[m.s..m.e])
            && !SURNAME_PLACE_SET.contains(&t[m.s..m.e])
            && g.first(&t[m.s..m.e], key).is_none()
            // Not the label of the next field ("Dimitra Kouris **Room:** 3B").
            && !t[m.e..].starts_with(':')
        {
            return k + 3;
        }
        if !maybe_name(g, w, key) {
            return self.unlisted_name(cx, k, key, out);
        }
        let chain = chain(t, toks, k, hi);
        // "Royal Albert Hall": a place word third in the chain, after a first name that
        // is also a word or a place, makes the whole chain a place's name.
        // So does one after "the" ("The Serena Williams Court").
        // So does a house, a church, a bridge or a market after a full name ("Paul
        // Revere House", "Anne Frank House"): few people bear those as surnames.
        if let [_, _, third, ..] = *chain.as_slice()
            && SURNAME_PLACE_SET.contains(word(third))
            && (g.first(w, key) == Some(true)
                || matches!(word(third), "House" | "Church" | "Bridge" | "Market")
                || ["the ", "The "].iter().any(|d| t[..toks[k].s].ends_with(d)))
        {
            return third + 1;
        }
        // "Our Victorian Hall can be split", "the Darwin Hall": a venue of the business.
        if let [_, second] = *chain.as_slice()
            && SURNAME_PLACE_SET.contains(word(second))
            && ["the ", "The ", "our ", "Our "]
                .iter()
                .any(|d| t[..toks[k].s].ends_with(d))
        {
            return second + 1;
        }
        if let Some(end) = self.pair(t, toks, chain.as_slice(), g, key) {
            // "Kenji Watanabe-san": the suffix is no part of the name.
            let last = word(end);
            let e = toks[end].e
                - HONORIFIC_SUFFIXES
                    .iter()
                    .find(|h| last.len() > h.len() && last.ends_with(*h))
                    .map_or(0, |h| h.len());
            out.push(Cand::new(toks[k].s, e, Label::Person));
            return end + 1;
        }
        // "arrived in San Antonio in 1991, he…": a listed place that starts with a
        // name is the place's name, whatever the clause says of someone after it.
        if let [first, second, ..] = *chain.as_slice()
            && g.is_place(&t[toks[first].s..toks[second].e], key)
        {
            return second + 1;
        }
        // "with love from Tom & Ellie": a first name that is no word, joined to a name
        // found just before it.
        if self.single(t, toks, k, g, key)
            || coordinated(t, toks, k, g, key)
            || repeated(cx, k, out)
            || (g.first(w, key) == Some(false) && joined_to_name(cx, k, out, key))
        {
            let (s, e) = (toks[k].s, toks[k].e);
            // "– Marcus T.": the initial of a signature belongs to the name.
            let initial = (signed(t, s) && initial_after(&t[e..]))
                || honoured_initial(&t[e..])
                || initialled(&t[e..]);
            out.push(Cand::new(s, if initial { e + 3 } else { e }, Label::Person));
        }
        k + 1
    }

    /// A capitalised word no list holds, at token `k`: a name only right after a cue,
    /// alone after a strong one ("ask for Priya"), or with one or two more such words
    /// after any ("the charter with Abebe Girma"). Returns the next token to look at.
    fn unlisted_name(&self, cx: &Cx, k: usize, key: &mut String, out: &mut Vec<Cand>) -> usize {
        let Cx { t, toks, g, hi, .. } = *cx;
        let w = &t[toks[k].s..toks[k].e];
        if !unlisted(g, w, key) {
            return k + 1;
        }
        let before = recent(t, toks[k].s);
        let (s, e) = (toks[k].s, toks[k].e);
        let after = &t[e..];
        if assistant_after(after) {
            return k + 1;
        }
        // Alone, and with no cue: addressed ("Sorry for the mix-up, Bilal!") or signing.
        let alone = || {
            super::person_ja::honorific_at(after).is_some()
                || honoured_initial(after)
                // "handled by Kowalczyk on our integrations team".
                || (team_after(after) && self.cued(before))
                || named_number(t, s, e)
                || email_of(w, after)
                || email_before(w, &t[..s])
                || thanked(&t[..s], after)
                || self.addressed(t, s, e)
                || (signed(t, s) && ends_signature(after))
                || super::list_item_role(t, s, e)
                || super::role_label(t, s, e)
        };
        let ja = super::person_ja::cue_before(t, s);
        // "The shift leader tonight is Kowalczyk": a role only people fill and "is"
        // ("The courier is DHL" names a firm).
        // The search for the role's group runs only where the pattern matches at all.
        let role_is = || {
            self.role_is.is_match(before)
                && self
                    .role_is
                    .captures(before)
                    .and_then(|c| c.get(1))
                    .is_some_and(|m| PERSON_ROLE_SET.contains(&m.as_str().to_ascii_lowercase()))
        };
        if !(ja || self.cued(before) || role_is() || joined_to_name(cx, k, out, key)) {
            if alone() {
                let e = if honoured_initial(after) { e + 3 } else { e };
                out.push(Cand::new(s, e, Label::Person));
            } else if let Some(end) = who_after(cx, k, key) {
                out.push(Cand::new(s, toks[end].e, Label::Person));
                return end + 1;
            }
            return k + 1;
        }
        let chain = chain(t, toks, k, hi);
        let rest = chain.as_slice()[1..].iter().take(2).take_while(|&&i| {
            let w = &t[toks[i].s..toks[i].e];
            goes_on_name(g, w, key)
        });
        // "Your freelancer, Nils, has marked…": set off by commas after a person's role
        // ("Our courier, Evri, will…" names a firm).
        let appositive = || {
            after.starts_with(',')
                && t[..s].strip_suffix(", ").is_some_and(|h| {
                    let role = h.rsplit(' ').next().unwrap_or(h);
                    PERSON_ROLE_SET.contains(role)
                })
        };
        let end = match rest.last() {
            Some(&end) => end,
            None if ja
                || self.strong_cue.is_match(before)
                || role_is()
                || acts_after(after)
                || appositive()
                || alone() =>
            {
                k
            }
            None => return k + 1,
        };
        out.push(Cand::new(toks[k].s, toks[end].e, Label::Person));
        end + 1
    }

    /// "Dr. Sarah Chen", "Mr Tanaka": the name after a title, without the title.
    fn titled(&self, t: &str, toks: &[Tok], k: usize, hi: usize, out: &mut Vec<Cand>) -> usize {
        let Some(next) = toks.get(k + 1) else {
            return k + 1;
        };
        let gap = &t[toks[k].e..next.s];
        if !(gap == " " || gap == ". ") || next.e > hi {
            return k + 1;
        }
        // "Ms. de la Cruz": particles between the title and the name.
        let first = particles_to(t, toks, k + 1, hi).unwrap_or(k + 1);
        let title = &t[toks[k].s..toks[k].e];
        let titled_brand = |w: &str| {
            TITLED_BRANDS
                .iter()
                .any(|&(a, b)| b == w && (a == title || (a == "Mr" && title == "Mister")))
        };
        let name = &t[toks[first].s..toks[first].e];
        if titled_brand(name) {
            return first + 1;
        }
        // "Nurse Manager Grace Adeyemi": a role after the title is a title too.
        if first == k + 1
            && wordset::key(name).is_some_and(|p| ROLE_TITLE_FIRST_SET.holds(p))
            && toks
                .get(first + 1)
                .is_some_and(|n| &t[toks[first].e..n.s] == " ")
        {
            return self.titled(t, toks, first, hi, out);
        }
        if name == "The" {
            return k + 1;
        }
        if !is_cap(name) {
            return k + 1;
        }
        let chain = chain(t, toks, first, hi);
        // "Dr. June Park": a month that is also a first name may open the name, when more
        // of it follows.
        let month_first = chain.as_slice().len() > 1;
        let mut name = chain
            .as_slice()
            .iter()
            .take(3)
            .enumerate()
            .take_while(|&(n, &i)| {
                let w = &t[toks[i].s..toks[i].e];
                SURNAME_PLACE_SET.contains(w)
                    || !not_name(w)
                    || (n == 0 && month_first && CALENDAR_NAMES.contains(&w))
            });
        let mut name = std::iter::from_fn(move || name.next().map(|(_, i)| i));
        let first = name.next();
        let last = name.last().or(first);
        // "Dr. Seuss Read-Aloud Day": a day or a prize named after someone.
        let event = |b: usize| {
            toks.get(b + 1)
                .is_some_and(|n| &t[toks[b].e..n.s] == " " && EVENT_WORDS.contains(&&t[n.s..n.e]))
        };
        // "Miss Marple's Tearoom": a shop named after someone.
        let shop = |b: usize| {
            possessed(&t[toks[b].e..]).is_some_and(|r| {
                SHOP_WORDS.contains(&r.split([' ', ',', '.']).next().unwrap_or(""))
            })
        };
        // "Dr. Midnight": a title before one word that is an English word and in
        // neither list of names is a band's or a character's, not a person's ("Mr
        // Baker" and "Ms Rose" are in the lists; so, as rare surnames, are "Crumble"
        // and "Gate").
        let character = |a: usize, b: usize| {
            let w = &t[toks[a].s..toks[a].e];
            let g = Gazetteers::get();
            let mut key = String::new();
            a == b
                && g.is_word(w, &mut key)
                && g.first(w, &mut key).is_none()
                && g.last(w, &mut key).is_none()
        };
        // "Sir Galahad", "Dame Judi Dench", "Captain Jack": a knight or a dame is a public
        // figure or a character, and a captain with one name a character, a boat or a
        // horse (the read sets name no one after "Sir" or "Dame", and after "Captain"
        // only by a full name).
        let storied = |a: usize, b: usize| {
            matches!(title, "Sir" | "Dame") || (matches!(title, "Captain" | "Capt") && a == b)
        };
        match (first, last) {
            // "I'm Captain Byte, the PixelFix assistant": a bot's name.
            (Some(_), Some(&b)) if assistant_after(&t[toks[b].e..]) || shop(b) || event(b) => b + 1,
            (Some(&a), Some(&b)) if storied(a, b) => b + 1,
            (Some(&a), Some(&b)) if character(a, b) => b + 1,
            (Some(_), Some(&b)) => {
                out.push(Cand::new(next.s, toks[b].e, Label::Person));
                b + 1
            }
            _ => k + 1,
        }
    }

    /// The last token of a first-(middle-)last name at the start of `chain`.
    fn pair(
        &self,
        t: &str,
        toks: &[Tok],
        chain: &[usize],
        g: &Gazetteers,
        key: &mut String,
    ) -> Option<usize> {
        let word = |i: usize| &t[toks[i].s..toks[i].e];
        // "Mon–Wed Sunita Patel": a range of days is no part of a name.
        let org = |w: &str| (not_name(w) && !SURNAME_PLACE_SET.contains(w)) || day_range(w);
        // "Your instructor April Dubois": a month that is also a first name may open it.
        let org_at =
            |n: usize, i: usize| org(word(i)) && !(n == 0 && CALENDAR_NAMES.contains(&word(i)));
        if chain.len() < 2 || chain.iter().enumerate().any(|(n, &i)| org_at(n, i)) {
            return None;
        }
        let last_tok = toks[chain[chain.len() - 1]];
        // On the same line: a signature's role goes on the next ("Helen Marsh\nProperty
        // Manager").
        let followed_by_org = toks.get(chain[chain.len() - 1] + 1).is_some_and(|x| {
            &t[last_tok.e..x.s] == " " && is_not_name(&t[x.s..x.e]) && !t[x.e..].starts_with(':')
        });
        if followed_by_org {
            return None;
        }
        let (f, l) = (word(chain[0]), word(chain[1]));
        // "Conference venue: Maxwell Hall": a thing's label before a place's word.
        if SURNAME_PLACE_SET.contains(l) && thing_label(recent(t, toks[chain[0]].s)) {
            return None;
        }
        // "Meet Isabella Rossi": a verb that is also a name leaves the name to start at
        // the next word. "Joseph Joseph", "Braun ThermoScan" are brands.
        // "Mercedes V-Class": a model's letter and class.
        let model = l.len() >= 3 && l.as_bytes()[1] == b'-' && l.as_bytes()[0].is_ascii_uppercase();
        if is_brand(f, l)
            || PREFIX_OF_THING_SET.contains(f)
            || VERB_NAME_SET.contains(f)
            || f == l
            || camel(l)
            || model
        {
            return None;
        }
        let first = g
            .first(f, key)
            .map(|amb| amb || CALENDAR_NAMES.contains(&f));
        let last = g.last(l, key);
        // The cue pattern is the costliest test: ask it only where the answer matters.
        let s = toks[chain[0]].s;
        // "The referee for Sunday's match is Peter Lindqvist": a role and "is" cue it too.
        let cued = || {
            super::person_ja::cue_before(t, s)
                || (!thing_label(recent(t, s)) && self.cue.is_match(recent(t, s)))
                || self.role_is.is_match(recent(t, s))
        };
        let en = match (first, last) {
            // "Victoria Park": a first name that is also a place, before a place word,
            // names a place ("Sunny Park", "Min-jun Park" do not).
            (Some(true), _) if SURNAME_PLACE_SET.contains(l) && g.is_place(f, key) => false,
            // "Parish Hall", "Legion Hall": a word that is also a first name before a
            // place word needs a cue.
            (Some(true), _) if SURNAME_PLACE_SET.contains(l) => {
                cued() || acts_after(&t[toks[chain[1]].e..])
            }
            // "Rutherford Hall", "Franklin House": a name that is a surname too, before a
            // hall's or a house's word, names a building after someone unless a cue or
            // an act says a person ("Ann Hall" is one: "Ann" is no surname).
            (Some(false), _)
                if matches!(l, "Hall" | "House" | "Court") && g.last(f, key).is_some() =>
            {
                let after = &t[toks[chain[1]].e..];
                // "- Ann Hall 07700 900123": a number right after it is hers.
                let number = after
                    .strip_prefix(' ')
                    .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit() || c == '+'));
                cued() || acts_after(after) || contact_after(after) || number
            }
            (Some(false), Some(_)) | (Some(true), Some(false)) => true,
            (Some(false), None) => {
                let word = g.is_word(l, key);
                (l.len() >= 3 && !word) || cued()
            }
            // "Grace Adeyemi hosts our story hour": an unlisted surname and an act.
            (Some(true), None) => {
                let after = &t[toks[chain[1]].e..];
                cued() || (unlisted(g, l, key) && l.len() >= 4 && acts_after(after))
            }
            (Some(true), _) => cued(),
            _ => false,
        };
        let ja = romaji_pair(g, f, l, key) || romaji_pair(g, l, f, key);
        // A third part that is a surname makes a name of the chain on its own.
        let three = chain.len() >= 3
            && first == Some(false)
            && !SURNAME_PLACE_SET.contains(word(chain[2]))
            && g.last(word(chain[2]), key).is_some();
        // "San Jose", "Alice Springs": a listed place, though it starts with a name.
        if !(three || en || ja) || g.is_place(&t[toks[chain[0]].s..toks[chain[1]].e], key) {
            return None;
        }
        // Third and fourth parts that are surnames or no word at all belong to the name
        // ("Fatima Zahra El Idrissi").
        let more = chain[2..]
            .iter()
            .take_while(|&&i| {
                let w = word(i);
                first.is_some()
                    && !SURNAME_PLACE_SET.contains(w)
                    && (g.last(w, key).is_some() || unlisted(g, w, key))
            })
            .count();
        let end = chain[1 + more];
        // "The Darwin Ward", "on Nightingale Ward": a hospital ward named after someone
        // (no one puts "the" or "on" before "Sarah Ward").
        let ward = word(end) == "Ward"
            && ["the ", "The ", "on ", "On "]
                .iter()
                .any(|d| t[..s].ends_with(d));
        // "the Paul Smith wallet", "Tommy John surgery": a name that names a thing.
        (!ward && !attributive(t, s, &t[toks[end].e..])).then_some(end)
    }

    /// A lone first name counts only after a cue such as "ask for" or "Dear".
    fn single(&self, t: &str, toks: &[Tok], k: usize, g: &Gazetteers, key: &mut String) -> bool {
        let w = &t[toks[k].s..toks[k].e];
        let after = &t[toks[k].e..];
        // "Meet Will!": a verb that is also a name, before a name.
        let capital_next = after
            .strip_prefix(' ')
            .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_uppercase()));
        let verb = capital_next && VERB_NAME_SET.contains(w);
        // "Raleigh Motus": a maker before its line's name.
        let maker = capital_next && PREFIX_OF_THING_SET.contains(w);
        if BOT_NAMES.contains(&w) || verb || assistant_after(after) || maker {
            return false;
        }
        let before = recent(t, toks[k].s);
        // "The Apollo is a 5-minute walk": a name alone after "the" names a venue, a
        // ship or a thing ("the Delgado family" is found before this).
        if before.ends_with("the ") || before.ends_with("The ") {
            return false;
        }
        // "Block A: 6 Jan – 24 Feb": a month after a day's number is a date.
        let dated = t[..toks[k].s]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit());
        if dated && MONTH_ABBREVIATIONS.contains(&w) {
            return false;
        }
        // A Japanese cue ("受付のMika", "インストラクターのKwame", "こちらKaitoです") is a
        // strong one.
        let ja = super::person_ja::cue_before(t, toks[k].s) || t[..toks[k].s].ends_with("こちら");
        let strong = || ja || self.strong_cue.is_match(before);
        let cue = || ja || self.cued(before);
        // ", who is on leave": only people are "who".
        let who = {
            let after = &t[toks[k].e..];
            let rest = after
                .strip_prefix(", who")
                .or_else(|| after.strip_prefix(" who"));
            rest.is_some_and(|r| !r.starts_with(|c: char| c.is_ascii_alphabetic()))
        };
        let Some(amb) = g.first(w, key) else {
            let (rf, rg) = romaji(g, w, key);
            // "Takahashi from the kitchen confirms": a romaji name that acts, unless a
            // preposition makes it a place ("our team in Osaka will contact you").
            let place = [" in ", " at ", " to ", " from ", " near ", " of "]
                .iter()
                .any(|p| before.ends_with(p))
                // "Tokyo Haneda": a romaji name after a place names a place.
                || before.strip_suffix(' ').is_some_and(|b| {
                    let prev = b.rsplit(' ').next().unwrap_or(b);
                    is_cap(prev) && g.is_place(prev, key)
                });
            // "Yamamoto様のご予約", "Okada 様から": a romaji name before a Japanese
            // honorific, perhaps after a space.
            let honoured = || {
                super::person_ja::honorific_at(after.strip_prefix(' ').unwrap_or(after)).is_some()
            };
            return (rf || rg)
                && w.len() >= 4
                && (strong() || honoured() || (acts_after(after) && !place));
        };
        // "the Superior Court of California is…": a state is a place.
        let amb = amb || super::places::US_STATE_NAMES.contains(&w);
        // "Hope, Arkansas": a place's name, or a word's, and its state; not a reviewer's
        // name and home after a dash ("— Joy, Texas").
        if after.strip_prefix(", ").is_some_and(|a| {
            super::places::US_STATE_NAMES
                .iter()
                .any(|st| a.starts_with(st) && !a[st.len()..].starts_with(char::is_alphabetic))
        }) && (g.is_place(w, key)
            || amb && !before.trim_end().ends_with(['—', '–', '-']) && !before.ends_with('\n'))
        {
            return false;
        }
        if not_name(w) && !strong() {
            return false;
        }
        let next_is_digit = t[toks[k].e..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit());
        // Signals that a person is meant, strong enough for a name that is also a word
        // or a place: being addressed or signing, a pronoun for a person after it, or a
        // cue before it and an act or a contact after it ("Call Bill on 0491 570 156").
        let (s, e) = (toks[k].s, toks[k].e);
        let person = || {
            super::person_ja::honorific_at(after).is_some()
                || honoured_initial(after)
                || initialled(after)
                // "Hi there! Lena here, your yoga instructor": introducing oneself.
                || [" here,", " here!", " here —", " here -", " here from "]
                    .iter()
                    .any(|h| after.starts_with(h))
                || named_number(t, s, e)
                // "the Dublin area … dublin@": a name after "the" is a place's.
                || (email_of(w, after) && !before.ends_with("the ") && !before.ends_with("The "))
                || email_before(w, &t[..s])
                || thanked(&t[..s], after)
                || team_after(after)
                || after.starts_with(" will be your ")
                || self.addressed(t, s, e)
                || (signed(t, s) && (ends_signature(after) || initial_after(after)))
                || pronoun_after(after)
                || role_after(after)
                || department_after(after)
                || super::list_item_role(t, s, e)
                || super::role_label(t, s, e)
                || ((acts_after(after) || contact_after(after)) && cue())
        };
        // "Sorry, April orders…": a month after a cue must end the clause or act.
        let calendar = CALENDAR_NAMES.contains(&w);
        let ends = after.is_empty()
            || after.starts_with([',', '.', '!', '?', ';', ':', ')'])
            || after.starts_with(" (")
            || acts_after(after)
            || contact_after(after);
        // "Our coach, Jordan, asks…": a name set off by commas after a role.
        let appositive = || t[..s].ends_with(", ") && after.starts_with(',') && cue();
        // "Your courier today is Bill, riding…": a role, "is" and the name, alone.
        let role_is = || ends && self.role_is.is_match(before);
        // "Grace said you wanted…", "Will from our kitchen team will call": speech,
        // not after a determiner or a possessive ("the Rosa's Special is off today").
        let speaks = || {
            let head = t[..s].trim_end_matches(' ');
            let prev = head.rsplit([' ', '\n']).next().unwrap_or(head);
            SPEAKS_AFTER.iter().any(|a| after.starts_with(a))
                && !(prev.ends_with("'s") || prev.ends_with("’s"))
                && !matches!(
                    prev,
                    "the" | "The" | "a" | "an" | "our" | "Our" | "your" | "Your" | "my" | "this"
                )
        };
        // "Hannah, I've sent…": addressed as the text or a sentence opens; a name that
        // is also a place must be followed by a word for the reader or the writer
        // ("Paris, the city of light" is no one).
        let mut opening = || {
            opening_address(t, s, after).is_some_and(|reader| reader || !amb) && !g.is_place(w, key)
        };
        if amb || calendar {
            ((who
                || (strong() && (ends || !calendar))
                || (!calendar && (appositive() || role_is())))
                && !next_is_digit)
                || speaks()
                || opening()
                || nickname(t, s, e)
                || person()
        } else {
            // "The customer on the booking, Ahmed, can collect it": set off by commas
            // before an act. "…for 3:15pm tomorrow, Oliver.": addressed as the text ends.
            let set_off = after.strip_prefix(',').is_some_and(acts_after) && t[..s].ends_with(", ");
            // "1 Jan closed", "placed by 2 Jan will ship": a day's month.
            let acts = ((acts_after(after) || past_act_after(after)) && !dated)
                || set_off
                || closing_vocative(t, s, after)
                || note_after(after)
                || private_after(after)
                || possessive_after(w, after)
                || contact_after(after);
            who || acts || cue() || opening() || nickname(t, s, e) || person()
        }
    }
}

/// " Physiotherapy Scholarship", " Dental Surgery": a firm's or a thing's word after a
/// name, on the same line, makes the name part of the thing's ("the Dr. Elaine Moss
/// Physiotherapy Scholarship"); a day or a month names no thing ("see Dr Patel
/// Monday"), nor the label of the next field.
fn thing_word_after(after: &str, g: &Gazetteers, key: &mut String) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let w = first_word(rest);
    is_cap(w)
        && is_not_name(w)
        && !SURNAME_PLACE_SET.contains(w)
        && !CALENDAR_WORDS.contains(&w)
        && g.first(w, key).is_none()
        // Not the label of the next field ("Dimitra Kouris **Room:** 3B").
        && !rest[w.len()..].starts_with(':')
}

/// Days and months, capitalised: no thing's word after a name.
#[rustfmt::skip]
const CALENDAR_WORDS: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon", "Tue",
    "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December",
];

/// The months, as [`CALENDAR_WORDS`] ends with them: before a year, a date's.
const MONTH_NAMES: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Months shortened, which are given names too ("Jan", "Jun"): a date's after a day's
/// number.
const MONTH_ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Titles of heads of state, monarchs and nobles: the name after one is a public
/// figure's.
#[rustfmt::skip]
static PUBLIC_TITLE_SET: WordSet<32> = WordSet::new(&[
    "President", "Queen", "King", "Prince", "Princess", "Emperor", "Empress", "Pope", "Count",
    "Countess", "Duke", "Duchess", "Baron", "Baroness", "Lord", "Lady", "Cardinal", "Archbishop",
]);

/// Labels of things, lower case: the name after one and its colon is a thing's.
#[rustfmt::skip]
const THING_LABELS: &[&str] = &[
    "product", "products", "item", "items", "model", "book", "books", "title", "event",
    "course", "package", "plan", "service", "category", "subject", "topic", "venue",
    "location", "tour", "show", "film", "album", "song", "track", "menu", "dish", "brand",
    "collection", "programme", "program", "workshop", "exhibition", "status", "severity",
    "award", "prize", "theme", "company", "organisation", "organization", "employer", "firm",
    // Rooms, varieties and the like, often named after someone ("**Room:** Lovelace",
    // "Variety: Maris Piper").
    "room", "rooms", "variety", "varieties", "cultivar", "breed", "lens", "camera",
    "telescope", "font", "typeface", "colour", "color", "shade", "flavour", "flavor", "scent",
    // Performances of a work ("**Performance:** *Carmen*").
    "performance", "production", "opera",
];

/// " II", " III": a regnal number after a name ("Johann Strauss II"), as a monarch's
/// or a composer's; not the start of a word ("Ivy").
fn regnal(after: &str) -> bool {
    ["II", "III", "IV", "VI", "VII", "VIII"].iter().any(|n| {
        after
            .strip_prefix(' ')
            .and_then(|a| a.strip_prefix(n))
            .is_some_and(|r| !r.starts_with(|c: char| c.is_ascii_alphanumeric()))
    })
}

/// Whether `before` ends in the label of a thing and its colon ("**Product:** ",
/// "Book: "): the label cues no name ("**Product:** Grace Period Scheduler").
fn thing_label(before: &str) -> bool {
    let head = before.trim_end_matches([' ', '*', '_', '"', '“']);
    let Some(head) = head.strip_suffix(':') else {
        return false;
    };
    let head = head.trim_end_matches(['*', '_']);
    let label = last_word(head);
    THING_LABELS.iter().any(|l| label.eq_ignore_ascii_case(l))
}

/// Legal forms that end a firm's name.
const LEGAL_FORMS: &[&str] = &[
    "Ltd", "Limited", "Inc", "LLC", "Llc", "Plc", "PLC", "LLP", "AB", "GmbH", "Pty", "Corp", "KK",
    "AG",
];

/// Last words of clubs' and trades' names, after a name and another word ("Tamar
/// Estuary Sailing Club", "Penobscot Bay Boat Storage").
const CLUB_WORDS: &[&str] = &[
    "Club",
    "Society",
    "Association",
    "Storage",
    "Yard",
    "Chandlery",
];

/// Whether capitalised words and then a legal form follow a name on its line, so that
/// the name opens a firm's ("Ridgeway Fruit Growers Ltd", "Halden & Moss Cider Co
/// Ltd"): up to four words, or "&" and "and". A club's or a trade's last word counts
/// after one word at least ("Tamar Estuary Sailing Club").
pub(crate) fn firm_ahead(after: &str) -> bool {
    let mut rest = after;
    for _ in 0..5 {
        let Some(r) = rest.strip_prefix(' ') else {
            return false;
        };
        let w = r
            .split([' ', '\n', ',', ')', '*', ':', ';'])
            .next()
            .unwrap_or(r);
        if LEGAL_FORMS.contains(&w.trim_end_matches('.'))
            || (rest.len() < after.len() && CLUB_WORDS.contains(&w))
        {
            return true;
        }
        if !(starts_upper(w) || w == "&" || w == "and") {
            return false;
        }
        rest = &r[w.len()..];
    }
    false
}

/// " & Sons", " & Co", " & Lowe Plumbing Ltd": a name so joined to a partner's
/// names a firm ("Hughes & Sons Plumbing", "Wang & Li Consulting Ltd."), not the people
/// ("Ana & Luis Ortega").
fn firm_after(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(" & ") else {
        return false;
    };
    fn word(s: &str) -> &str {
        s.split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or("")
    }
    let partner = word(rest);
    let next = rest[partner.len()..].strip_prefix(' ').map(word);
    matches!(
        partner,
        "Sons" | "Son" | "Daughters" | "Co" | "Company" | "Partners" | "Associates" | "Friends"
    ) || (starts_upper(partner) && next.is_some_and(|w| is_cap(w) && is_not_name(w)))
}

/// Whether `w` may go on a name that an unlisted word opens: unlisted too, a surname
/// that is no word, or a first name ("Abebe Girma", "Raghavendra Iyer").
fn goes_on_name(g: &Gazetteers, w: &str, key: &mut String) -> bool {
    unlisted(g, w, key) || g.last(w, key) == Some(false) || g.first(w, key).is_some()
}

/// "…to Raghavendra Iyer, who typically replies": an unlisted name at token `k`, with up
/// to two more name words, before "who" and a clause about the person (only people
/// are "who"); returns the last name token. Not a place ("Boston, who won").
fn who_after(cx: &Cx, k: usize, key: &mut String) -> Option<usize> {
    let Cx { t, toks, g, hi, .. } = *cx;
    if !t[..toks[k].s].ends_with([' ', '\n']) || g.is_place(&t[toks[k].s..toks[k].e], key) {
        return None;
    }
    let chain = chain(t, toks, k, hi);
    let mut end = k;
    for &i in chain.as_slice()[1..].iter().take(2) {
        let w = &t[toks[i].s..toks[i].e];
        if !goes_on_name(g, w, key) {
            break;
        }
        end = i;
    }
    let after = &t[toks[end].e..];
    let rest = after
        .strip_prefix(", who ")
        .or_else(|| after.strip_prefix(" who "))?;
    rest.starts_with(|c: char| c.is_ascii_lowercase())
        .then_some(end)
}

/// The token of a listed first name just before the one-word name `c` ("Grace" in
/// "Grace Adeyemi", found alone for "Adeyemi"), in the piece, if any: not a verb that is
/// also a name ("Meet Adeyemi"), a title ("Miss Ng", "Pastor Will"), a day or a month,
/// nor a word that is never a name.
fn first_name_before(cx: &Cx, c: &Cand, key: &mut String) -> Option<usize> {
    let Cx { t, toks, g, lo, .. } = *cx;
    if c.label != Label::Person || t[c.start..c.end].contains([' ', ',']) {
        return None;
    }
    let j = toks.iter().position(|tok| tok.e + 1 == c.start)?;
    let w = &t[toks[j].s..toks[j].e];
    (toks[j].s >= lo
        && t.as_bytes()[toks[j].e] == b' '
        && is_cap(w)
        && !VERB_NAME_SET.contains(w)
        && !CALENDAR_NAMES.contains(&w)
        && !not_name(w)
        && !wordset::key(w).is_some_and(|p| {
            TITLE_SET.holds(p)
                || ROLE_TITLE_SET.holds(p)
                || ROLE_TITLE_FIRST_SET.holds(p)
                || PUBLIC_TITLE_SET.holds(p)
        })
        && g.first(w, key).is_some())
    .then_some(j)
}

/// "Aurelio and Fenella Strachan", "Orla Finnegan, Ravi Deshpande and Benedikt Strauss",
/// "Keiko (until 11 PM) and Marcus": a name joined by "and", "or" or "&" (after an aside
/// in brackets, perhaps) to a name found just before it, earlier in the piece or ending
/// the text before it (`cx.prev`). Not by a comma alone, which lists things after names
/// as well ("Lukas Meier, Schreinerei Meier").
fn joined_to_name(cx: &Cx, k: usize, out: &[Cand], key: &mut String) -> bool {
    let (s, e) = (cx.toks[k].s, cx.toks[k].e);
    let head = &cx.t[..s];
    // Not a place nor a firm in the possessive ("Ireland and Scotland", "Greene King and
    // Marston's"): a name found wrongly before it would carry them along.
    let after = &cx.t[e..];
    if after.starts_with("'s") || after.starts_with("’s") || cx.g.is_place(&cx.t[s..e], key) {
        return false;
    }
    let Some(mut p) = [" and ", " or ", " & "]
        .iter()
        .find_map(|j| head.strip_suffix(j))
        .map(str::len)
    else {
        return false;
    };
    // An aside in brackets may follow the name before: "Keiko (until 11 PM) and Marcus".
    if head[..p].ends_with(')')
        && let Some(o) = head[..p].rfind('(')
        && !head[o..p].contains('\n')
        && head[..o].ends_with(' ')
    {
        p = o - 1;
    }
    cx.prev == Some(p) || out.iter().any(|c| c.label == Label::Person && c.end == p)
}

/// "Dr Emily Hartmann or just Emily?": a first name or a surname already found as part
/// of a name earlier in the piece or just before it (`cx.prev`) names that person again.
fn repeated(cx: &Cx, k: usize, out: &[Cand]) -> bool {
    let (t, s) = (cx.t, cx.toks[k].s);
    let w = &t[s..cx.toks[k].e];
    if !alone(cx, k) {
        return false;
    }
    let holds = |name: &str| name.split([' ', '-']).any(|p| p == w);
    out.iter()
        .any(|c| c.label == Label::Person && c.end <= s && holds(&t[c.start..c.end]))
        || cx.prev.is_some_and(|p| {
            // The name before the piece: the capitalised words that end at `p`.
            p <= s
                && t[..p]
                    .rsplit(' ')
                    .take(3)
                    .take_while(|x| x.starts_with(|c: char| c.is_ascii_uppercase()))
                    .any(|x| x == w)
        })
}

/// Whether the word at token `k` stands alone as a name may be repeated: three letters
/// or more, no word that is never a name, and not part of another name or a thing named
/// after the person ("Ben's Bikes", "the Rose Garden Room", "our Joy of Painting series",
/// "Efua Asante").
fn alone(cx: &Cx, k: usize) -> bool {
    let (t, s) = (cx.t, cx.toks[k].s);
    let w = &t[s..cx.toks[k].e];
    if w.len() < 3 || not_name(w) {
        return false;
    }
    let after = &t[cx.toks[k].e..];
    let possessive = crate::text::strip_any(after, &["'s", "’s"]);
    // "the Parkinson's disease service": what is named after someone.
    if possessive.is_some_and(|a| {
        [" disease", " syndrome", " law"]
            .iter()
            .any(|n| a.starts_with(n))
    }) {
        return false;
    }
    let after = possessive.unwrap_or(after);
    // "MacLeod & Sons": a firm named after the person.
    let capital_next = after.strip_prefix(' ').is_some_and(|a| {
        a.starts_with(|c: char| c.is_ascii_uppercase())
            || a.starts_with("of ")
            || a.starts_with("& ")
    });
    let capital_before = t[..s]
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(' ').next())
        .is_some_and(|b| {
            b.starts_with(|c: char| c.is_ascii_uppercase()) && b.chars().all(char::is_alphabetic)
        });
    !capital_next && !capital_before
}

/// "+81 90 2468 1357（Lee）": a name alone in brackets right after a number, whose
/// owner it names, or after a phone's label ("**Mobile (Tom):** 07700 …").
fn named_number(t: &str, s: usize, e: usize) -> bool {
    let Some(open) = t[..s].strip_suffix(['（', '(']) else {
        return false;
    };
    if !t[e..].starts_with(['）', ')']) {
        return false;
    }
    let label = open.trim_end_matches(' ');
    let word = last_word(label);
    open.ends_with(|c: char| c.is_ascii_digit())
        || [
            "mobile", "cell", "phone", "tel", "whatsapp", "direct", "mob",
        ]
        .iter()
        .any(|l| word.eq_ignore_ascii_case(l))
}

/// "…for 3:15pm tomorrow, Oliver.", "…for your receipts, Lily?": a name after a comma
/// that ends the text, or a clause before one for the reader or the writer ("…arrived
/// warm, Rachel; we'll refund it"), or an exclamation mark, as the reader is addressed;
/// or after a clause that speaks to the reader ("I've logged your request, Siobhán.").
fn closing_vocative(t: &str, s: usize, after: &str) -> bool {
    let reader = |rest: &str| {
        let word = rest
            .trim_start()
            .split(|c: char| !(c.is_ascii_alphabetic() || c == '\'' || c == '’'))
            .next()
            .unwrap_or("")
            .replace('’', "'")
            .to_ascii_lowercase();
        matches!(
            word.as_str(),
            "we" | "we'll"
                | "we've"
                | "we're"
                | "i"
                | "i'll"
                | "i've"
                | "i'm"
                | "you"
                | "you'll"
                | "please"
        )
    };
    // "I've logged your request, Siobhán. Summary:": the clause before the name speaks
    // to the reader, so whatever follows.
    let spoken_to = || {
        let head = &t[..s - 2];
        let clause = &head[head.rfind(['.', '!', '?', '\n']).map_or(0, |k| k + 1)..];
        clause
            .split(' ')
            .any(|w| reader(w) || w.eq_ignore_ascii_case("your"))
    };
    // An exclamation after the name calls the reader whatever follows ("Lane 6 is
    // yours, Harriet! The booking is under…").
    t[..s].ends_with(", ")
        && (after.starts_with('!')
            || [".", " ?", "?", ";"]
                .iter()
                .filter_map(|p| after.strip_prefix(p))
                .any(|rest| rest.trim().is_empty() || reader(rest) || spoken_to()))
}

/// "Elvis Presley-themed", "Frida Kahlo-inspired": a name made an adjective.
fn styled(name: &str) -> bool {
    // Every ending holds a hyphen; most names hold none.
    name.as_bytes().contains(&b'-')
        && [
            "-themed",
            "-inspired",
            "-style",
            "-branded",
            "-era",
            "-approved",
            "-certified",
            "-accredited",
            "-registered",
            "-trained",
            "-qualified",
            "-licensed",
            // "an Allen-head bolt", "Phillips-head".
            "-head",
        ]
        .iter()
        .any(|s| name.contains(s))
}

/// ", 3021 Maple Drive": a house number after a comma, as an address follows its
/// addressee ("Mail the keys to R. Singh, 3021 Maple Drive").
fn house_number_after(after: &str) -> bool {
    after
        .strip_prefix(", ")
        .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()))
}

/// "Margaret (\"Maggie\")": a name in quotes in brackets right after a word, as a
/// nickname is given.
fn nickname(t: &str, s: usize, e: usize) -> bool {
    let Some(head) = ["(\"", "(“", "('", "(‘"]
        .iter()
        .find_map(|o| t[..s].strip_suffix(o))
        .and_then(|h| h.strip_suffix(' '))
    else {
        return false;
    };
    head.ends_with(|c: char| c.is_alphabetic())
        && ["\")", "”)", "')", "’)"]
            .iter()
            .any(|c| t[e..].starts_with(c))
}

/// ", our events coordinator": a person's role set off after the name.
fn role_after(after: &str) -> bool {
    let Some(rest) = crate::text::strip_any(after, &[", our ", ", your ", ", the "]) else {
        return false;
    };
    rest.split([',', '.', ';', '!', '?'])
        .next()
        .unwrap_or("")
        .split(' ')
        .take(3)
        .any(|w| PERSON_ROLE_SET.contains(w))
}

/// " in People Ops can walk you through", " from Operations", " at our reception
/// desk": a person's team or desk after the name.
fn department_after(after: &str) -> bool {
    let Some(rest) = crate::text::strip_any(after, &[" from ", " in ", " at "]) else {
        return false;
    };
    let rest = crate::text::strip_any(rest, &["the ", "our ", "your "]).unwrap_or(rest);
    // The team's word, without a plural's "s" ("Sales" is looked up as "Sale").
    let w = first_word(rest);
    let w = w.strip_suffix('s').filter(|w| w.len() > 2).unwrap_or(w);
    [
        "Operation",
        "Ops",
        "People",
        "HR",
        "Sale",
        "Support",
        "Account",
        "Finance",
        "Marketing",
        "IT",
        "Engineering",
        "Legal",
        "Billing",
        "Admission",
        "Customer",
        "Recruitment",
        "Payroll",
        "Facilitie",
        "Reception",
        "reception",
        "Housekeeping",
        "Compliance",
        "Claim",
        "Underwriting",
        "Talent",
        "Procurement",
        "Logistic",
        "Dispatch",
        "Service",
    ]
    .contains(&w)
}

/// Whether `t[..s]` ends where a sentence or the text opens (perhaps after emphasis
/// or a quote mark).
fn opens_sentence(t: &str, s: usize) -> bool {
    let head = t[..s].trim_end_matches(['*', '_', '"', '“']);
    head.is_empty() || head.ends_with('\n') || {
        let h = head.trim_end_matches(' ');
        h.len() < head.len() && h.ends_with(['.', '!', '?'])
    }
}

/// For a name that opens a sentence before a comma ("Hannah, I've sent…"): whether
/// a word for the reader or the writer follows (`Some(true)`), another lower-case word
/// (`Some(false)`), or neither (`None`).
fn opening_address(t: &str, s: usize, after: &str) -> Option<bool> {
    // "Hannah — your appointment is confirmed" (the dash perhaps folded to `-`).
    let rest = crate::text::strip_any(after, &[", ", " — ", " – ", " - "])?;
    if !opens_sentence(t, s) {
        return None;
    }
    let word = rest
        .split(|c: char| !(c.is_ascii_alphabetic() || c == '\'' || c == '’'))
        .next()
        .unwrap_or("");
    let reader = matches!(
        word.replace('’', "'").as_str(),
        "I" | "I'm"
            | "I've"
            | "I'll"
            | "I'd"
            | "your"
            | "you"
            | "you're"
            | "you'll"
            | "you've"
            | "we"
            | "we've"
            | "we're"
            | "we'll"
            | "thanks"
            | "thank"
            | "please"
            | "just"
            | "sorry"
            | "welcome"
    );
    (reader || word.starts_with(|c: char| c.is_ascii_lowercase())).then_some(reader)
}

impl PersonEn {
    /// Whether a cue ends `before`. "Our partner" is a firm the business works with
    /// ("handled by our partner, Aviva,"), not a person's spouse.
    fn cued(&self, before: &str) -> bool {
        let firm = [
            "our partner, ",
            "our partner ",
            "Our partner, ",
            "Our partner ",
        ]
        .iter()
        .any(|p| before.ends_with(p));
        !firm && !thing_label(before) && self.cue.is_match(before)
    }

    /// "the card in the name **LINDQVIST ERIK**", "受取人：NGUYEN VAN HUNG", "名義（TRAN
    /// MINH DUC）": two or three words in capitals after a cue, as cards and passports
    /// write names; one of them a listed name, none a word of an organisation, and no
    /// more capitals after them (a heading). Returns the last word's token.
    fn caps_cued(&self, cx: &Cx, k: usize, key: &mut String) -> Option<usize> {
        let Cx { t, toks, g, hi, .. } = *cx;
        let word = |i: usize| &t[toks[i].s..toks[i].e];
        let caps_next = |i: usize| {
            toks.get(i + 1)
                .is_some_and(|n| n.e <= hi && &t[toks[i].e..n.s] == " " && is_caps(&t[n.s..n.e]))
        };
        if !is_caps(word(k)) || !caps_next(k) {
            return None;
        }
        let end = if caps_next(k + 1) { k + 2 } else { k + 1 };
        if caps_next(end) {
            return None;
        }
        let mut listed = false;
        for i in k..=end {
            let w = word(i);
            if not_name(&title_case(w)) {
                return None;
            }
            // "AT", "IS", "WHEN": a word of a sentence in capitals is no name's.
            let name = g.first(w, key).is_some() || g.last(w, key).is_some();
            let is_word = g.is_word(w, key);
            if (is_word && !name) || w.len() < 3 {
                return None;
            }
            listed |= name && !is_word;
        }
        if is_brand(&title_case(word(k)), &title_case(word(k + 1))) {
            return None;
        }
        let s = toks[k].s;
        let bracketed = t[..s].strip_suffix(['（', '(']);
        let cued = self.cued(recent(t, s))
            || super::person_ja::cue_before(t, s)
            || bracketed.is_some_and(|h| super::person_ja::cue_before(t, h.len()));
        (listed && cued).then_some(end)
    }

    /// Whether the name `t[s..e]` is addressed after a greeting, thanks or an apology
    /// that opens the sentence: "Thanks for your patience, Florence!", "Happy
    /// birthday, Bella!".
    fn addressed(&self, t: &str, s: usize, e: usize) -> bool {
        let after = &t[e..];
        // "Great news, DeShawn: the car is ready".
        let ends = after.is_empty()
            || after.starts_with(['!', '.', ',', '?', ';', ':'])
            || after.starts_with(" —")
            || after.starts_with(" –")
            || after.starts_with(" -");
        let from = crate::text::ceil_boundary(t, s.saturating_sub(80));
        ends && t[..s].ends_with(", ") && self.vocative.is_match(&t[from..s])
    }
}

/// What may follow a plain first name when it names someone doing something.
fn acts_after(after: &str) -> bool {
    // Only the entries with the same second byte can match: most texts go on with a
    // letter that few entries or none have there.
    let Some(&second) = after.as_bytes().get(1) else {
        return false;
    };
    acts_index()[usize::from(second)]
        .iter()
        .any(|a| after.starts_with(a))
}

/// A verb in the past tense, or an adverb before a verb, right after a name: "Dan
/// resolved 9,400 calls", "Walt coached our Wildcats", "Kwame still can't get in".
/// Asked only of names that are no word and no place.
fn past_act_after(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word = first_word(rest);
    let next = rest[word.len()..].chars().next();
    if matches!(
        word,
        "still" | "also" | "just" | "never" | "always" | "then" | "recently"
    ) {
        return next == Some(' ');
    }
    // "-ed" after a stem of three letters or more ("need", "speed" are no past tense),
    // ending its clause or going on ("resolved 9,400 calls", "retired."); not a
    // participle that makes the name a thing's ("Audi approved", "Albert themed").
    word.len() >= 5
        && word.ends_with("ed")
        && !word.ends_with("eed")
        && !matches!(
            word,
            "themed"
                | "approved"
                | "inspired"
                | "based"
                | "shaped"
                | "sized"
                | "styled"
                | "owned"
                | "branded"
                | "sponsored"
                | "certified"
                | "licensed"
                | "endorsed"
                | "related"
                | "flavoured"
                | "flavored"
                | "scented"
                | "coloured"
                | "colored"
                | "named"
                | "closed"
                | "opened"
        )
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && next.is_none_or(|c| matches!(c, ' ' | '.' | ',' | '!' | ';'))
}

/// [`ACTS_AFTER`] by their second byte.
fn acts_index() -> &'static [Vec<&'static str>] {
    static INDEX: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = vec![Vec::new(); 256];
        for a in ACTS_AFTER {
            index[usize::from(a.as_bytes()[1])].push(*a);
        }
        index
    })
}

/// A phone number or a place after the name: "ring Gary on 0151…", "text Will on
/// (646)…", "call Ngozi at the depot".
fn contact_after(after: &str) -> bool {
    // "the night porter, Callum, on 0131…", "Tyler – 212.555.0109".
    let after = after.strip_prefix(',').unwrap_or(after);
    let number = [" on ", " at ", " – ", " - ", " — ", ": "]
        .iter()
        .find_map(|p| after.strip_prefix(p).map(|r| (*p, r)))
        .is_some_and(|(p, r)| {
            // After "on" or a colon, a number long enough to be a phone's: "printed in
            // Milan on 120 gsm paper", "**Tuesday–Friday:** 9:00 AM" are none.
            let near = &r[..crate::text::floor_boundary(r, 20)];
            let digits = near
                .bytes()
                .take_while(|c| c.is_ascii_digit() || b" +()-.".contains(c))
                .filter(u8::is_ascii_digit)
                .count();
            r.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '(')
                && (!matches!(p, " on " | ": ") || digits >= 6)
        });
    let extension = after.starts_with(", ext") || after.starts_with(" ext.");
    number || extension || after.starts_with(" at the ")
}

/// A name that opens a signature or an attribution: after a dash that follows the end
/// of a sentence or a quote ("…tonight. — Priya, Front Desk", "\"Super friendly\" –
/// Aaliyah").
fn signed(t: &str, s: usize) -> bool {
    // "— **Priya**, Front Desk": markdown emphasis around the name.
    let Some(before) = t[..s]
        .trim_end_matches(['*', '_'])
        .strip_suffix(' ')
        // Width folding turns `—` and `–` into `-` where the text holds a digit.
        .and_then(|b| b.strip_suffix(['—', '–', '-']))
    else {
        return false;
    };
    // A hyphen that opens a line with another item of a list next to it is the list's
    // bullet ("- Canada\n- Australia"), not a dash before a name.
    if before.is_empty() || before.ends_with('\n') {
        let line_end = t[s..].find('\n').map_or(t.len(), |k| s + k);
        let bullet = |line: &str| line.starts_with("- ") || line.starts_with("* ");
        let prev_line = before
            .strip_suffix('\n')
            .map(|b| &b[b.rfind('\n').map_or(0, |k| k + 1)..]);
        let next_line = t.get(line_end + 1..);
        if t[..s].ends_with("- ")
            && (prev_line.is_some_and(bullet) || next_line.is_some_and(bullet))
        {
            return false;
        }
    }
    // After the end of a sentence, a quote or an emoji, not after a word.
    before
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// What ends a signature's name: the end, a comma before a role, a semicolon.
fn ends_signature(after: &str) -> bool {
    let after = after.trim_start_matches(['*', '_', '"', '”']);
    after.is_empty() || after.starts_with([',', ';', '.', '\n']) || after.starts_with(" (")
}

/// " T.様": an initial and a Japanese honorific after a given name in romaji, as a
/// review signs ("（Yuko T.様）"); the initial belongs to the name.
fn honoured_initial(after: &str) -> bool {
    initial_then(after).is_some_and(|r| super::person_ja::honorific_at(r).is_some())
}

/// " T." and then the end of the signature: an initial after a signature's name.
fn initial_after(after: &str) -> bool {
    initial_then(after).is_some_and(|r| r.is_empty() || r.starts_with([' ', ';', ',', '\n']))
}

/// " K." and then a comma, a bracket, a cell's end or a lower-case word: a family
/// name cut to its initial after a given name, as reviews and rotas write it ("(Sarah
/// K., Leicester)", "Kenji M. has reproduced the crash", "| Haruto K. |"); not a middle
/// initial before a surname ("John F. Kennedy").
fn initialled(after: &str) -> bool {
    initial_then(after).is_some_and(|r| {
        r.is_empty()
            || r.starts_with([',', ')', ';', '\n', '!', '?', '"', '”'])
            || r.starts_with(" |")
            || r.starts_with(" (")
            || r.strip_prefix(' ')
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_lowercase()))
    })
}

/// What follows " T." (a space, a capital and a full stop) at the start of `after`.
fn initial_then(after: &str) -> Option<&str> {
    let b = after.as_bytes();
    (b.len() >= 3 && b[0] == b' ' && b[1].is_ascii_uppercase() && b[2] == b'.').then(|| &after[3..])
}

/// An email address soon after the name whose local part starts with it: "email Holly
/// directly at holly@…", "Haruka（haruka@…）".
fn email_of(name: &str, after: &str) -> bool {
    let near = &after[..crate::text::floor_boundary(after, 40)];
    let Some(at) = near.find('@') else {
        return false;
    };
    let first = local_part(&near[..at])
        .split(['.', '_', '+', '-'])
        .next()
        .unwrap_or("");
    // "Lettings Manager, at lettings@…": a word of a capitalised title names a desk.
    let titled = after
        .strip_prefix(' ')
        .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_uppercase()));
    name.len() >= 3 && same_letters(first, name) && !titled
}

/// Whether an email address's `local` part spells `name`, in any case and with or
/// without its accents ("elodie@…" for "Élodie", "bjorn@…" for "Björn"), spelt as the
/// name lists key names.
fn same_letters(local: &str, name: &str) -> bool {
    if name.is_ascii() {
        return local.eq_ignore_ascii_case(name);
    }
    let mut key = String::new();
    local.eq_ignore_ascii_case(crate::gazetteer::name_key(name, &mut key))
}

/// The local part of an email address whose `@` ends `before_at`: what follows the
/// last space, bracket, colon or comma.
fn local_part(before_at: &str) -> &str {
    before_at
        .rsplit(|c: char| c.is_whitespace() || "(（:：,".contains(c))
        .next()
        .unwrap_or("")
}

/// An email address shortly before the name whose local part holds it: "send it to
/// coach.bex@… by Friday. Bex will confirm".
fn email_before(name: &str, before: &str) -> bool {
    let near = &before[crate::text::ceil_boundary(before, before.len().saturating_sub(60))..];
    let Some(at) = near.rfind('@') else {
        return false;
    };
    name.len() >= 3
        && local_part(&near[..at])
            .split(['.', '_', '+', '-'])
            .any(|p| p.eq_ignore_ascii_case(name))
}

/// "Thanks Grzegorz!", "Congratulations Oluwaseun!": thanks or congratulations, the
/// name, and the end of the clause.
fn thanked(before: &str, after: &str) -> bool {
    let thanks = [
        "Thanks ",
        "thanks ",
        "Thank you ",
        "thank you ",
        "Congratulations ",
        "congratulations ",
        "Congrats ",
        "congrats ",
    ]
    .iter()
    .any(|w| before.ends_with(w));
    thanks && after.starts_with(['!', ',', '.'])
}

/// "Tom (north side)", "Keiko (Japanese/Korean)": a short note in brackets after a
/// name, as in a staff list.
fn note_after(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(" (") else {
        return false;
    };
    let near = &rest[..crate::text::floor_boundary(rest, 32)];
    near.find(')').is_some_and(|close| {
        let note = &near[..close];
        note.starts_with(|c: char| c.is_ascii_alphabetic())
            && !note.contains(['@', '.'])
            && !location_note(note)
    })
}

/// "Level 3", "Floor 2", "Room 4B": where a room is, which a note after a room's name
/// says ("Lovelace (Level 3)"), not a note on a person.
fn location_note(note: &str) -> bool {
    let (w, rest) = note.split_once(' ').unwrap_or((note, ""));
    matches!(
        w,
        "Level" | "level" | "Floor" | "floor" | "Room" | "Gate" | "Platform" | "Block" | "Wing"
    ) && rest.starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// "Mon–Wed", "Thu-Fri": a range of days written short; "July–December": of months.
fn day_range(w: &str) -> bool {
    // Seven to twenty-one bytes with a hyphen or a dash (E2 80 93): most words are not.
    if !(7..=21).contains(&w.len()) || !w.bytes().any(|c| c == b'-' || c == 0xE2) {
        return false;
    }
    let mut parts = w.split(['-', '–']);
    parts.clone().count() > 1
        && parts.all(|p| {
            matches!(
                p,
                "Mon"
                    | "Tue"
                    | "Tues"
                    | "Wed"
                    | "Thu"
                    | "Thur"
                    | "Thurs"
                    | "Fri"
                    | "Sat"
                    | "Sun"
                    | "Monday"
                    | "Tuesday"
                    | "Wednesday"
                    | "Thursday"
                    | "Friday"
                    | "Saturday"
                    | "Sunday"
            ) || CALENDAR_WORDS.contains(&p)
        })
}

/// "Jack and the team at Fernleaf Books": a name that signs for the team.
fn team_after(after: &str) -> bool {
    [" and the team", " & the team", " and team", " and the crew"]
        .iter()
        .any(|w| after.starts_with(w))
        || staff_at(after)
        || in_department(after)
}

/// "Beatriz in accounts confirmed", "Lucy from dispatch will", "Grace in the
/// fundraising team, who…", "Marco on our team processed", "Tariq on the API team":
/// someone in one of the business's departments.
fn in_department(after: &str) -> bool {
    let on = after.strip_prefix(" on ");
    let Some(rest) = after
        .strip_prefix(" in ")
        .or_else(|| after.strip_prefix(" from "))
        .or(on)
    else {
        return false;
    };
    // The department's name, as a whole word.
    #[rustfmt::skip]
    const DEPARTMENTS: &[&str] = &[
        "accounts", "billing", "sales", "support", "finance", "payroll", "dispatch",
        "reception", "customer services", "customer service", "HR", "IT", "marketing", "admin",
    ];
    // "On" a team only: "Ana on support" may be a shift.
    let dept = on.is_none()
        && DEPARTMENTS.iter().any(|d| {
            rest.strip_prefix(d)
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', ',', '.', ';']))
        });
    let unit = |w: &str| {
        matches!(
            w.trim_end_matches(|c: char| !c.is_ascii_alphabetic()),
            "team" | "department" | "office"
        )
    };
    let team = ["the ", "our "]
        .iter()
        .find_map(|d| rest.strip_prefix(d))
        .is_some_and(|r| {
            let mut words = r.split(' ');
            let first = words.next().unwrap_or("");
            // "our team", or a team's name before it: "the fundraising team", "the API
            // team" (an acronym of two to five capitals).
            let acronym =
                (2..=5).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_uppercase());
            (on.is_some() && first == "team" && rest.starts_with("our "))
                || ((first.starts_with(|c: char| c.is_ascii_lowercase()) || acronym)
                    && words.next().is_some_and(unit))
        });
    dept || team
}

/// "Rosie at our Bath shop", "Sophie at our Leeds branch", "June at the Oak Street
/// branch has…", "Ngozi at the travel agency will…": someone who works at one of the
/// business's places. After "the", the place must be followed by what the person does.
fn staff_at(after: &str) -> bool {
    let (rest, ours) = match after.strip_prefix(" at our ") {
        Some(rest) => (rest, true),
        None => match after.strip_prefix(" at the ") {
            Some(rest) => (rest, false),
            None => return false,
        },
    };
    let words: Vec<&str> = rest.split(' ').take(4).collect();
    // One or two capitalised words of the place, then what the place is; after "the",
    // a lower-case word may stand for the place ("the travel agency").
    let place = words
        .iter()
        .take_while(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        .count();
    let noun_at = |i: usize, any: bool| {
        words.get(i).is_some_and(|w| {
            let n = w.trim_end_matches(|c: char| !c.is_ascii_alphabetic());
            matches!(
                n,
                "shop" | "branch" | "store" | "office" | "salon" | "clinic" | "studio" | "site"
            ) || (any && matches!(n, "agency" | "depot" | "desk" | "counter"))
        })
    };
    if ours && (1..=2).contains(&place) && noun_at(place, false) {
        return true;
    }
    // What follows the place: a verb of what the person does ("Mohammed at our ticket
    // desk confirmed", "Ngozi at the travel agency will").
    let acts = |i: usize| {
        words.get(i + 1).is_some_and(|w| {
            matches!(
                *w,
                "has"
                    | "will"
                    | "can"
                    | "is"
                    | "says"
                    | "said"
                    | "sent"
                    | "set"
                    | "put"
                    | "kept"
                    | "confirmed"
            )
        }) && !words[i].ends_with([',', '.', ';'])
    };
    // The place's words: its capitalised name, or one lower-case word ("travel").
    (0..=2)
        .filter(|&n| n > 0 || place == 0)
        .any(|n| (n <= place || (place == 0 && n == 1)) && noun_at(n, true) && acts(n))
}

/// "Callum's Tuesday group", "Niamh's instructions": a possessive before a lower-case
/// word (not a verb or a conjunction: "Wendy's and Arby's") or a weekday.
fn possessive_after(name: &str, after: &str) -> bool {
    if FOUNDED.contains(&name) {
        return false;
    }
    let Some(rest) = possessed(after) else {
        return false;
    };
    let word = first_word(rest);
    // "Huntington's disease", "Morton's neuroma" name an illness.
    let lower = word.starts_with(|c: char| c.is_ascii_lowercase())
        && !matches!(
            word,
            "is" | "was" | "and" | "or" | "has" | "next" | "new" | "drive"
        )
        && !THING_SET.contains(word);
    lower
        || [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ]
        .iter()
        .any(|d| rest.starts_with(d))
}

/// Whether the name at `t[s..e]` lies inside a quoted title, in title case and with at
/// least one word besides the name: "\"An Evening with Agatha Christie\"", "“Tribute to
/// John Williams”".
fn in_title(t: &str, s: usize, e: usize) -> bool {
    quoted(t, s, e).is_some_and(|(before, after, rest)| title_words(before, after, rest, false))
}

/// The same for a title in Markdown italics ("*Dear Evan Hansen*", "*Marie & Jacques*"),
/// read in `t` as written: folding drops the emphasis marks before the name rules read
/// the text.
pub(crate) fn in_italic_title(t: &str, s: usize, e: usize) -> bool {
    starts_upper(&t[s..e])
        && italic(t, s, e)
            .is_some_and(|(before, after, rest)| title_words(before, after, rest, true))
}

/// Whether the name at `t[s..e]` is all that a Markdown italic holds ("*Jenny Wren*",
/// "*Mary Rose*": a boat's, a work's or a thing's name, as the read sets have it) and
/// nothing before it says a person is meant: a label's colon, a dash before a
/// signature, or a word of a name's ("booked under", "the name tag", "Ask for",
/// "ご予約名は"); nor a honorific or a comma after it. Read in `t` as written, as
/// [`in_italic_title`] is.
pub(crate) fn alone_in_italics(t: &str, s: usize, e: usize) -> bool {
    // All the italic holds: nothing inside the marks besides the name.
    let Some(("", "", rest)) = italic(t, s, e) else {
        return false;
    };
    let after = rest.trim_start_matches(' ');
    let head = &t[..s - 1];
    // One of a list of titles in italics ("Common calls: *Autumn Leaves*, *Sweet
    // Georgia Brown*"): the list, not a comma or a label's colon, tells.
    let listed = after.starts_with(", *")
        || after.starts_with("and *")
        || head.ends_with("*, ")
        || head.ends_with("* and ");
    !(after.starts_with('様')
        || after.starts_with("さん")
        || (!listed && after.starts_with(','))
        || cued_alone(head, !listed))
}

/// Whether the name at `t[s..e]` is a work's maker beside the work's title in italics,
/// as programmes list them ("*Death or Glory* – R. B. Hall", "**John Rutter** – *Star
/// Carol*", "Gilbert Vinter's *Spectrum*", "*Big Wednesday* (1978), John Milius"); not
/// a quotation's signature ("*Take with food.* — K. Singh"), whose italics end in a
/// stop or a quote mark. Read in `t` as written, as [`in_italic_title`] is.
pub(crate) fn maker_of_italic_work(t: &str, s: usize, e: usize) -> bool {
    let before = t[..s].trim_end_matches('*').trim_end_matches(' ');
    // "*The Endless Summer* (1966), Bruce Brown": a film's year may stand between.
    let titled = before
        .strip_suffix(['–', '—', '-'])
        .or_else(|| {
            let b = before.strip_suffix(',')?;
            let (b, year) = b.strip_suffix(')')?.rsplit_once(" (")?;
            (year.len() == 4 && year.bytes().all(|c| c.is_ascii_digit())).then_some(b)
        })
        .and_then(|b| b.trim_end_matches(' ').strip_suffix('*'))
        .is_some_and(|b| {
            let line = &b[b.rfind('\n').map_or(0, |k| k + 1)..];
            line.rfind('*').is_some_and(|k| {
                let title = &line[k + 1..];
                title.starts_with(|c: char| c.is_alphanumeric())
                    && title.ends_with(|c: char| c.is_alphanumeric() || c == ')')
            })
        });
    let after = t[e..].trim_start_matches('*');
    let work = |r: &str| {
        r.strip_prefix('*')
            .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
    };
    titled
        || [" – ", " — ", " - ", "'s ", "’s "]
            .iter()
            .any(|d| after.strip_prefix(d).is_some_and(work))
}

/// Whether the name at `t[s..e]` is all that single quotes hold ("**'Sweet Georgia
/// Brown'**", "'Kiftsgate'": a song's, a cultivar's or a boat's name), alone or in a
/// list of such ("'Autumn Leaves', 'Blue Bossa'"), and nothing before it says a person
/// is meant, as for [`alone_in_italics`].
pub(crate) fn alone_in_quotes(t: &str, s: usize, e: usize) -> bool {
    // A title inside the quotes is part of the thing's name ("'Mrs Bernard Jones'",
    // "'Sir Nigel Gresley'").
    let head = strip_title(&t[..s]).unwrap_or(&t[..s]);
    let Some(head) = head.strip_suffix(['\'', '‘']) else {
        return false;
    };
    let Some(after) = t[e..]
        .strip_prefix(['\'', '’'])
        .filter(|a| !a.starts_with(|c: char| c.is_alphanumeric()))
    else {
        return false;
    };
    // Not an apostrophe inside a word ("d'Artagnan").
    if head.ends_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    let after = after.trim_start_matches(['*', ' ']);
    let listed = [", '", ", ‘", "、'", "、‘", "and '"]
        .iter()
        .any(|l| after.starts_with(l))
        || [", ", "、", " and "].iter().any(|l| {
            head.strip_suffix(l)
                .is_some_and(|h| h.ends_with(['\'', '’']))
        });
    !(after.starts_with('様')
        || after.starts_with("さん")
        || (!listed && after.starts_with(','))
        || cued_alone(head.trim_end_matches('*'), !listed))
}

/// Whether the text before a name set apart in italics or quotes says a person is
/// meant: a word of a name's just before it ("booked under", "the name tag", "Ask
/// for", "ご予約名は"), or, when `colon` holds, a label's colon or a signature's dash.
fn cued_alone(head: &str, colon: bool) -> bool {
    const CUES: &[&str] = &[
        "name",
        "names",
        "named",
        "under",
        "marked",
        "tag",
        "coach",
        "for",
        "by",
        "dear",
        "hi",
        "hello",
        "thanks",
        "love",
        "from",
        "名は",
        "名前",
        "名",
        "受取人",
    ];
    let near = &head[crate::text::ceil_boundary(head, head.len().saturating_sub(25))..];
    let word_end = near.trim_end_matches(|c: char| !c.is_alphanumeric());
    if colon && near[word_end.len()..].contains([':', '：', '—']) && !thing_label(near) {
        return true;
    }
    CUES.iter().any(|c| {
        word_end.len() >= c.len()
            && word_end.is_char_boundary(word_end.len() - c.len())
            && word_end[word_end.len() - c.len()..].eq_ignore_ascii_case(c)
            && !word_end[..word_end.len() - c.len()]
                .ends_with(|ch: char| ch.is_ascii_alphanumeric())
    })
}

/// The text between an opening quote and `s`, between `e` and the closing quote, and
/// after the closing quote, when `t[s..e]` lies inside quotes.
fn quoted(t: &str, s: usize, e: usize) -> Option<(&str, &str, &str)> {
    let before = &t[crate::text::ceil_boundary(t, s.saturating_sub(60))..s];
    // `"` or the last byte of `“` (E2 80 9C): a byte scan first, as most names have
    // neither before them.
    if !before.bytes().any(|b| b == b'"' || b == 0x9C) {
        return None;
    }
    let open = before.rfind(['"', '“'])?;
    let inside_before = &before[open + before[open..].chars().next().map_or(1, char::len_utf8)..];
    if inside_before.contains(['"', '”', '“']) {
        return None;
    }
    let after = &t[e..];
    let close = after.find(['"', '”'])?;
    let quote_len = after[close..].chars().next().map_or(1, char::len_utf8);
    Some((inside_before, &after[..close], &after[close + quote_len..]))
}

/// The same as [`quoted`] for Markdown italics on one line: a single `*` before a
/// word, and a single `*` after one ("*Dear April*", not "**Name:** April" or a
/// bullet's "* ").
fn italic(t: &str, s: usize, e: usize) -> Option<(&str, &str, &str)> {
    let b = t.as_bytes();
    let from = crate::text::ceil_boundary(t, s.saturating_sub(60));
    let open = from + memchr::memrchr(b'*', &b[from..s])?;
    let single = |i: usize| (i == 0 || b[i - 1] != b'*') && b.get(i + 1) != Some(&b'*');
    let opens = single(open)
        && (open == 0 || !b[open - 1].is_ascii_alphanumeric())
        && b.get(open + 1).is_some_and(|&c| c != b' ' && c != b'\n');
    if !opens || memchr::memchr(b'\n', &b[open..s]).is_some() {
        return None;
    }
    let to = (e + 60).min(b.len());
    let close = e + memchr::memchr2(b'*', b'\n', &b[e..to])?;
    let closes = b[close] == b'*'
        && single(close)
        && b[close - 1] != b' '
        && !b.get(close + 1).is_some_and(u8::is_ascii_alphanumeric);
    closes.then(|| (&t[open + 1..s], &t[e..close], &t[close + 1..]))
}

/// Whether the words around a name inside quotes or italics make a title: see
/// [`in_title`]. `rest` is the text after the closing mark; `italic` when the marks are
/// asterisks, where "Dear" opens a title ("*Dear Evan Hansen*") more often than a
/// letter.
fn title_words(inside_before: &str, inside_after: &str, rest: &str, italic: bool) -> bool {
    // Title case: every word capitalised but the small ones (and a subtitle's colon:
    // "Ansel Adams: The Mural Project").
    let title_case = |p: &str| {
        p.split(' ')
            .filter(|w| !w.is_empty() && *w != ":")
            .all(|w| {
                w.starts_with(|c: char| c.is_ascii_uppercase())
                    || matches!(
                        w,
                        "to" | "with"
                            | "of"
                            | "the"
                            | "a"
                            | "an"
                            | "and"
                            | "for"
                            | "in"
                            | "on"
                            | "at"
                            // "*Niel Gow's Lament for the Death of his Second Wife*".
                            | "his"
                            | "her"
                            | "my"
                            | "from"
                            | "or"
                    )
                    // The name's own possessive in italics ("*Mrs Stewart's Jig*"); in
                    // quotes, a gift's words ("\"Granny O'Connell's Recipes\"") name
                    // someone.
                    || (italic && matches!(w, "'s" | "’s"))
                    // "*Marie & Jacques*", "*Case Studies → Healthcare*"; in quotes,
                    // two people on a card ("\"Reserved for Chloe & James\"").
                    || (italic && matches!(w, "&" | "→"))
            })
    };
    let words = inside_before.split(' ').filter(|w| !w.is_empty()).count()
        + inside_after.split(' ').filter(|w| !w.is_empty()).count();
    // What one says or writes to reach someone is no title: "\"Ask for Lucía\"",
    // "\"Attn: Gareth Pryce-Jones\"".
    let first = inside_before
        .split([' ', ':', ',', '.'])
        .next()
        .unwrap_or("");
    // "\"Dr Rahman\"": a title names a person. A label before a colon ("Attn:") is
    // said too; a colon after a title's words is a subtitle's ("Rembrandt and Vermeer:
    // Dutch Masters").
    let labelled = inside_before
        .split_once(':')
        .is_some_and(|(label, _)| !label.trim().contains(' '));
    // "*Mrs Stewart's Jig*": a titled name owning the title's next word names a thing.
    let owns_title =
        || possessed(inside_after).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_uppercase()));
    let said = labelled
        || (TITLE_SET.contains(first) && !owns_title())
        || matches!(
            first,
            "Ask"
                | "Call"
                | "Contact"
                | "Email"
                | "Text"
                | "Message"
                | "Phone"
                | "Ring"
                | "Speak"
                | "Talk"
                | "Hi"
                | "Hello"
                | "Hey"
                | "Attn"
                | "Tell"
                | "Say"
                | "Congratulations"
                | "Congrats"
                | "Happy"
                | "Welcome"
                | "Reserved"
                | "FAO"
        )
        || SIGN_OFFS.contains(&first)
        || (first == "Dear" && !italic);
    // A word besides the name: a quoted name alone ("signed by \"A. Brennan\"") is one,
    // unless what it names follows the quotes ("the \"Frank Lloyd Wright\" package").
    let thing_after = rest.strip_prefix(' ').is_some_and(|a| {
        let w = first_word(a);
        matches!(
            w,
            "package"
                | "suite"
                | "room"
                | "special"
                | "collection"
                | "menu"
                | "range"
                | "course"
                | "tour"
                | "set"
                | "bundle"
                | "plan"
                | "kit"
                | "award"
                | "prize"
                | "exhibition"
                | "workshop"
                | "series"
                | "edition"
                | "model"
                | "line"
                | "style"
                | "bench"
        )
    });
    // "*Captain Tom Yelland* bench": what follows names the thing, title or not.
    (thing_after || !said && words >= 1)
        && inside_before.len() + inside_after.len() <= 60
        && title_case(inside_before)
        && title_case(inside_after)
}

/// Whether `w`, between a namesake's cue and a name, makes the bearer someone the
/// writer knows, or opens a clause about someone else.
fn writers_own(w: &str) -> bool {
    matches!(
        w,
        "my" | "our"
            | "his"
            | "her"
            | "their"
            | "your"
            | "which"
            | "who"
            | "that"
            | "where"
            | "when"
            | "whose"
            | "while"
            | "friend"
    ) || kin_word(w)
}

/// Whether `w`, in lower case, is a word of kin (a "great-grandmother" by its last
/// part, after the hyphen): the bearer of a name near it is someone's own, not a figure
/// of history.
fn kin_word(w: &str) -> bool {
    matches!(
        w,
        "sister"
            | "brother"
            | "mother"
            | "father"
            | "daughter"
            | "son"
            | "wife"
            | "husband"
            | "mum"
            | "mom"
            | "dad"
            | "grandmother"
            | "grandfather"
            | "grandparents"
            | "parents"
            | "grandson"
            | "granddaughter"
            | "stepmother"
            | "stepfather"
            | "aunt"
            | "uncle"
            | "cousin"
            | "ancestor"
            | "ancestors"
            | "family"
    )
}

/// Words after which a name is a namesake's, someone a thing was named after ("the
/// design is named after Henry F. Phillips", "the scale invented by Pierre Vernier",
/// "the units honour Henri Becquerel, Marie Curie and Rolf Sievert"): public or
/// historical figures, as the labelled replies have it (none of them labels one).
const NAMESAKE_CUES: &[&str] = &[
    "named after ",
    "named for ",
    "invented by ",
    "in honour of ",
    "in honor of ",
    "honours ",
    "honors ",
    "honour ",
    "honor ",
    "inspired by ",
    // "take their name from Matthew Bramley", "took its name from".
    "name from ",
    "commemorates ",
    // "(after Julius Petri)".
    "(after ",
];

/// Whether the name at `t[s..e]` and a thing named after its bearer explain each other
/// with brackets: the name in them after the thing ("**Fosse** (Bob Fosse)",
/// "Labanotation (Rudolf Laban)", "**ホートン**（レスター・ホートン）"), or the thing's
/// name before them ("**Fosse** (Bob Fosse)"). Both are no one.
pub(crate) fn bracket_namesake(t: &str, s: usize, e: usize) -> bool {
    fn last_part(n: &str) -> &str {
        n.rsplit([' ', '・']).next().unwrap_or(n)
    }
    // The brackets hold names only: capitalised words, "and" and "&" ("(Rudolf and
    // Joan Benesh)"; not "(the children just call her Miss Ngozi)").
    fn names_only(inner: &str) -> bool {
        inner.split([' ', '・']).all(|w| {
            matches!(w, "and" | "&" | "＆")
                || w.starts_with(|c: char| c.is_uppercase())
                || w.starts_with(crate::text::is_katakana)
        })
    }
    // The thing's first word starts with the name's last (in Latin letters or
    // katakana: a reading in brackets repeats a name in kana, "宮崎 まどか（みやざき
    // まどか）").
    fn starts_with_word(term: &str, word: &str) -> bool {
        let first = term.split([' ', '・', '-']).next().unwrap_or(term);
        word.chars().count() >= 3
            && word.chars().all(|c| {
                c.is_alphabetic() && !crate::text::is_hiragana(c) && !crate::text::is_han(c)
            })
            && first.to_lowercase().starts_with(&word.to_lowercase())
    }
    let name = &t[s..e];
    let after = t[e..].trim_start_matches(['*', '_']);
    // The name in brackets, perhaps with others ("(Rudolf and Joan Benesh)"): first
    // or last in them (a byte test settles most names). The thing is on the line
    // before, its first word starting with the brackets' last.
    let opens = t[..s].ends_with(['(', '（']);
    let closes = t[e..].starts_with([')', '）']);
    if opens || closes {
        let near = &t[crate::text::ceil_boundary(t, s.saturating_sub(60))..s];
        let open = near
            .rfind(['(', '（'])
            .filter(|&k| !near[k..].contains([')', '）', '\n']));
        let close = t[e..]
            .find([')', '）'])
            .filter(|&k| k <= 60 && !t[e..e + k].contains(['(', '（', '\n']));
        let (Some(open), Some(close)) = (open, close) else {
            return false;
        };
        let head = near[..open].trim_end_matches([' ', '*', '_']);
        let inner = t[s - (near.len() - open)..e + close].trim_start_matches(['(', '（']);
        let line = crate::text::line_before(head, head.len());
        let term = line.trim_start_matches(['-', '*', '+', ' ', '_', '|']);
        let term = term.rsplit(['|', ':', '：']).next().unwrap_or(term).trim();
        return term.len() <= 60 && names_only(inner) && starts_with_word(term, last_part(inner));
    }
    // The thing's name, and the name of its bearer in brackets after it.
    let Some(inner) = after
        .strip_prefix(" (")
        .or_else(|| after.strip_prefix('（'))
        .or_else(|| after.strip_prefix('('))
    else {
        return false;
    };
    let close = inner.find([')', '）']).filter(|&k| k <= 60);
    !name.contains([' ', '・'])
        && close.is_some_and(|k| {
            inner[..k] != *name
                && names_only(&inner[..k])
                && starts_with_word(name, last_part(&inner[..k]))
        })
}

/// Whether the name at `s` follows a namesake's cue, alone or in a list of names after
/// it ("honour Henri Becquerel, Marie Curie and Rolf Sievert").
pub(crate) fn namesake(t: &str, s: usize) -> bool {
    let lo = s.saturating_sub(80);
    // Walk back word by word over the names, initials, titles, commas and "and"s between
    // the cue and the name; most names stop at the first word before them.
    let mut at = s;
    let mut described_words = 0;
    while at > lo && t.as_bytes()[at - 1] == b' ' {
        let head = &t[..at];
        // Every cue's last letter is one of these: a byte test first.
        let last = head.as_bytes()[..at - 1].last().copied();
        if matches!(last, Some(b'r' | b'y' | b'f' | b's' | b'm'))
            && NAMESAKE_CUES.iter().any(|c| head.ends_with(c))
        {
            return true;
        }
        let start = head[..at - 1].rfind(' ').map_or(0, |k| k + 1);
        let w = head[start..at - 1].trim_end_matches(',');
        // "named after the French neurologist Georges Gilles de la Tourette": up to four
        // words of who the bearer was, in one stretch, but none that makes them the
        // writer's own or kin, or opens a clause ("named after our founder's mum, Ada",
        // "named for Christian Dior's sister, Catherine", "from the Oratory, which
        // Andrew Ritchie could see").
        let described = w.starts_with(|c: char| c.is_ascii_lowercase())
            && (described_words == 0 || !head[start..at - 1].ends_with(','))
            && {
                described_words += 1;
                described_words <= 4
            }
            && !w.contains(['\'', '’'])
            && !writers_own(w);
        // "named after Anders Celsius (1742) and Daniel Gabriel Fahrenheit": a year in
        // brackets after a name.
        let year = w.len() == 6
            && w.starts_with('(')
            && w.ends_with(')')
            && w[1..5].bytes().all(|b| b.is_ascii_digit());
        if !(w == "and"
            || w == "&"
            || w.starts_with(|c: char| c.is_uppercase())
            || described
            || year)
        {
            return false;
        }
        at = start;
    }
    false
}

/// Nouns that make the name before them the name of a thing: "Tommy John surgery",
/// "Lou Gehrig's disease", "the Paul Smith wallet".
#[rustfmt::skip]
const THINGS: &[&str] = &[
    "disease", "syndrome", "surgery", "palsy", "procedure", "technique", "method", "award",
    "prize", "medal", "scholarship", "lecture", "collection", "edition", "range", "wallet",
    "handbag", "bag", "bags", "toaster", "kettle", "lipstick", "palette", "foundation", "perfume",
    "fragrance", "boots", "shoes", "sneakers", "trainers", "jacket", "watch", "mug", "tumbler",
    "blender", "cookware", "casserole", "exhibition", "concert", "tribute", "biography", "novel",
    "novels", "books", "series", "musical", "audit", "neuroma", "law", "principle", "ataxia",
    "sarcoma", "lymphoma", "phenomenon", "reflex", "sign", "suite", "suites", "retrospective",
    "exhibit", "room", "rooms", "warehouse", "building", "factory",
    // Tools, glassware and instruments named after their makers or inventors ("Stanley
    // knife", "Petri dish", "Geiger counter", "Allen key").
    "knife", "knives", "blade", "blades", "screwdriver", "screwdrivers", "key", "keys", "wrench",
    "burner", "burners", "flask", "flasks", "dish", "dishes", "counter", "counters", "caliper",
    "calipers", "cage", "ladder", "statue", "gates", "bursary",
    // Bicycles, their parts, candles and soaps ("Brompton bikes"; not "stand" or "track",
    // which are verbs after a name too: "Will Sarah stand in?").
    "bike", "bikes", "frame", "frames", "saddle", "saddles", "candle", "candles", "soap",
    // Fruit and vegetables, lenses and telescopes named after someone ("King Edward
    // potatoes", "Galileo telescope").
    "potato", "potatoes", "apple", "apples", "pear", "pears", "plum", "plums", "cherry",
    "cherries", "variety", "varieties", "telescope", "telescopes", "lens", "lenses", "crater",
];

static THING_SET: WordSet<512> = WordSet::new(THINGS);

/// Lower-case words after "the" and a name that still name a person: "the Tanaka
/// family", "the John who called", "the Smiths are".
#[rustfmt::skip]
const PERSON_AFTER_THE: &[&str] = &[
    "family", "families", "household", "twins", "kids", "children", "party", "wedding", "brothers", "sisters",
    "couple", "who", "whom", "whose", "that", "and", "or", "is", "was", "has", "had", "will",
    "would", "can", "could", "may", "might", "should", "said", "says", "at", "in", "on", "of",
    "for", "from", "to", "with", "by", "as", "you", "we", "i",
];

static PERSON_AFTER_THE_SET: WordSet<256> = WordSet::new(PERSON_AFTER_THE);

/// Whether the name starting at `s` and followed by `after` names a thing: a noun of
/// [`THINGS`] after it, or a determiner before it and a noun or a model number after
/// it ("The Jane Iredale mineral foundation", "the Russell Hobbs 26200 toaster").
fn attributive(t: &str, s: usize, after: &str) -> bool {
    let after = possessed(after).or_else(|| after.strip_prefix(' '));
    let Some(after) = after else {
        return false;
    };
    // "Martin Luther King Jr. Day": a day, a prize or a place named after someone.
    if let Some(rest) = after
        .strip_prefix("Jr. ")
        .or_else(|| after.strip_prefix("Jr "))
        && is_not_name(rest.split(' ').next().unwrap_or(""))
    {
        return true;
    }
    let next = after
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .next()
        .unwrap_or("");
    if THING_SET.contains(next) {
        return true;
    }
    // "the Frida Kahlo and Diego Rivera retrospective", "the Franklin and Jefferson
    // suites": the thing after the second name names the first as well.
    if let Some(rest) = after
        .strip_prefix("and ")
        .or_else(|| after.strip_prefix("& "))
    {
        // On the line: "Gus & Pippa*\n\nThe candle" names no candle after Pippa.
        let rest = rest.split('\n').next().unwrap_or(rest);
        let words: Vec<&str> = rest.split(' ').take(4).collect();
        let named = words
            .iter()
            .take_while(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
            .count();
        let thing = words
            .get(named)
            .map(|w| w.trim_end_matches(|c: char| !c.is_ascii_alphanumeric()));
        if (1..=2).contains(&named) && thing.is_some_and(|w| THING_SET.contains(w)) {
            return true;
        }
    }
    let before = &t[..s];
    let determiner = [
        "the ", "The ", "a ", "A ", "an ", "your ", "Your ", "our ", "Our ",
    ]
    .iter()
    .any(|d| {
        before
            .strip_suffix(d)
            .is_some_and(|b| b.is_empty() || b.ends_with(|c: char| !c.is_ascii_alphanumeric()))
    });
    if !determiner {
        return false;
    }
    // "Beauty palette": a capitalised word of the brand may come first.
    let mut rest = after;
    let mut word = next;
    if word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.bytes().skip(1).all(|b| b.is_ascii_lowercase())
        && let Some(r) = rest.strip_prefix(word).and_then(|r| r.strip_prefix(' '))
    {
        rest = r;
        word = rest
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
            .next()
            .unwrap_or("");
    }
    let lower = word.len() >= 3
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && !PERSON_AFTER_THE_SET.contains(word);
    let model = word.bytes().any(|b| b.is_ascii_digit())
        && word
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'.');
    lower || model
}

/// A pronoun for a person right after the name: in the same sentence ("Paris — she's
/// our colour specialist"), or opening the next ("Meet Will! He's our newest walker").
fn pronoun_after(after: &str) -> bool {
    let mut near = &after[..crate::text::floor_boundary(after, 32)];
    if near.len() < after.len() {
        // A word cut short ("he" of "head") is no pronoun: drop it.
        near = near.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '\'' || c == '’');
    }
    // Most text holds no word starting "he" or "she": one byte scan settles that.
    let b = near.as_bytes();
    let lower = |i: usize| b.get(i).map(|c| c | 0x20);
    let opens = |i: usize| {
        (i == 0 || !b[i - 1].is_ascii_alphabetic())
            && match lower(i) {
                Some(b'h') => lower(i + 1) == Some(b'e'),
                Some(b's') => lower(i + 1) == Some(b'h') && lower(i + 2) == Some(b'e'),
                _ => false,
            }
    };
    if !(0..b.len()).any(opens) {
        return false;
    }
    // "she", "He's", "she’ll": the pronoun, perhaps with a contraction.
    let is_pronoun = |w: &str| {
        let base = ["'s", "’s", "'ll", "’ll"]
            .iter()
            .find_map(|c| w.strip_suffix(c))
            .unwrap_or(w);
        base.eq_ignore_ascii_case("she") || base.eq_ignore_ascii_case("he")
    };
    let word = |c: char| c.is_ascii_alphabetic() || c == '\'' || c == '’';
    // "Olivia; she'll phone you": a semicolon goes on with the same sentence.
    let mut sentences = near.split(['.', '!', '?', '\n']);
    let first = sentences.next().unwrap_or(near);
    let next = sentences
        .next()
        .and_then(|n| n.split(|c: char| !word(c)).find(|w| !w.is_empty()));
    first
        .split(|c: char| !word(c))
        .any(|w| w.starts_with(|c: char| c.is_ascii_lowercase()) && is_pronoun(w))
        || next.is_some_and(|w| w.starts_with(['H', 'S']) && is_pronoun(w))
}

/// ", the virtual assistant", ", Cedarbrook's virtual assistant": the name of a bot,
/// which is no person.
fn assistant_after(after: &str) -> bool {
    // "I'm **Sage**, the virtual recruiter": the name may be set in bold, or followed
    // by an emoji ("I'm **Willow** 🌿, the hall's virtual assistant").
    let after = after.trim_start_matches(|c: char| {
        c == '*' || c == ' ' || (!c.is_ascii() && !c.is_alphanumeric())
    });
    let Some(rest) = after.strip_prefix(", ") else {
        return false;
    };
    // The phrase opens with an article or with a name's possessive: "the", "your",
    // "an", "Helpwise's", "Harbourside Care's".
    let first = rest.split(' ').next().unwrap_or("");
    let possessive = || {
        // "Hollis & Brandt Water's": a firm's name may join two.
        rest.split(' ')
            .take(4)
            .take_while(|w| *w == "&" || w.starts_with(|c: char| c.is_ascii_uppercase()))
            // "Little Learners'": a plural's possessive too.
            .any(|w| w.len() > 2 && ["'s", "’s", "s'", "s’"].iter().any(|p| w.ends_with(p)))
    };
    if !(matches!(first, "the" | "your" | "an" | "a") || possessive()) {
        return false;
    }
    // "the City of Cedar Falls virtual assistant": a town's name may come first.
    let near = &rest[..crate::text::floor_boundary(rest, 60)];
    let clause = near.split(['.', '!', '?', ',', ';']).next().unwrap_or(near);
    // "the virtual recruiter", "your AI guide": what it is called it is as a program.
    clause
        .split(' ')
        .map(|w| w.trim_matches(|c: char| !c.is_ascii_alphabetic()))
        .any(|w| {
            matches!(
                w,
                "assistant" | "bot" | "chatbot" | "helper" | "concierge" | "virtual" | "AI"
            )
        })
}

/// Whether `w` is in a list that every rule below needs the first word in: English
/// first names or romanised Japanese names (ambiguous ones included). Most capitalised
/// words are not, and skip the chain, the cue patterns and the pair rules.
fn maybe_name(g: &Gazetteers, w: &str, key: &mut String) -> bool {
    if g.first(w, key).is_some() {
        return true;
    }
    // Hepburn has no l, q, v or x, and the romaji lists hold none.
    if w.bytes()
        .any(|b| matches!(b | 0x20, b'l' | b'q' | b'v' | b'x'))
    {
        return false;
    }
    fold_romaji(w, key);
    g.romaji_given.contains_key(key.as_str()) || g.romaji_family.contains_key(key.as_str())
}

/// "Daniel and Mia", "Bridget and Declan McGuinness": a first name joined by "and" or
/// "or" to another, both unambiguous and neither part of a place ("Santa Clara and
/// Alice Springs"), and not a firm's ("Morrison, Keane & Bellamy LLP").
fn coordinated(t: &str, toks: &[Tok], k: usize, g: &Gazetteers, key: &mut String) -> bool {
    let org_after = |i: usize| {
        toks.get(i + 1)
            .is_some_and(|n| &t[toks[i].e..n.s] == " " && is_not_name(&t[n.s..n.e]))
    };
    // Joined to the next name by "&" or by "and"/"or" (a token of its own).
    let joined_to = |i: usize| {
        toks.get(i + 1).is_some_and(|n| {
            let gap = &t[toks[i].e..n.s];
            gap == " & " || (gap == " " && matches!(&t[n.s..n.e], "and" | "or"))
        })
    };
    coordinated_names(t, toks, k, g, key)
        && !org_after(k)
        && !(joined_to(k) && (org_after(k + 1) || org_after(k + 2)))
}

fn coordinated_names(t: &str, toks: &[Tok], k: usize, g: &Gazetteers, key: &mut String) -> bool {
    let word = |i: usize| &t[toks[i].s..toks[i].e];
    let spaced = |a: usize| toks.get(a + 1).is_some_and(|n| &t[toks[a].e..n.s] == " ");
    // "San Diego", "Alice Springs": a first name that is part of a listed place.
    let in_place = |i: usize, key: &mut String| {
        (i > 0 && spaced(i - 1) && g.is_place(&t[toks[i - 1].s..toks[i].e], key))
            || (spaced(i) && g.is_place(&t[toks[i].s..toks[i + 1].e], key))
    };
    let plain = |i: usize, key: &mut String| {
        let w = word(i);
        let calendar = not_name(w) || CALENDAR_NAMES.contains(&w);
        is_cap(w) && !calendar && g.first(w, key) == Some(false) && !in_place(i, key)
    };
    // A first name, even one that is also a word or a place.
    let named = |i: usize, key: &mut String| {
        let w = word(i);
        is_cap(w)
            && !not_name(w)
            && !PREFIX_OF_THING_SET.contains(w)
            && g.first(w, key).is_some()
            && !in_place(i, key)
    };
    // Token `k + 1` is the "and" between `k` and the name after it; else the name
    // before may lie before the first token: read it off the text. Both are rare, and
    // tested before the look-ups.
    let and_at = |i: usize| {
        i + 2 < toks.len() && matches!(word(i + 1), "and" | "or") && spaced(i) && spaced(i + 1)
    };
    let and_next = and_at(k);
    // "Marble Arch and Bond Street": the last word of a capitalised name that is no
    // first name is no name of its own.
    if k > 0 && spaced(k - 1) && is_cap(word(k - 1)) && g.first(word(k - 1), key).is_none() {
        return false;
    }
    // "Ivy and Rafael Santos", "Florence and Mark Delaney": a first name before "and"
    // and a first and last name.
    if and_next && named(k, key) && named(k + 2, key) {
        // "Grace and Tobias Lindqvist": a surname no list holds will do.
        let pair = spaced(k + 2)
            && is_cap(word(k + 3))
            && !is_brand(word(k + 2), word(k + 3))
            && (g.last(word(k + 3), key).is_some() || unlisted(g, word(k + 3), key));
        if pair {
            return true;
        }
    }
    // "Margaret & Colin Abernathy": the same with an ampersand, which is no token.
    let amp_next = toks.get(k + 1).is_some_and(|n| &t[toks[k].e..n.s] == " & ");
    if amp_next
        && named(k, key)
        && named(k + 1, key)
        && spaced(k + 1)
        && toks.get(k + 2).is_some_and(|n| is_cap(&t[n.s..n.e]))
        && !is_brand(word(k + 1), word(k + 2))
        && !not_name(word(k + 2))
        // Not a word: "Kelly & Hart Talent" is a firm.
        && g.last(word(k + 2), key) == Some(false)
    {
        return true;
    }
    // "Hunter and Georgia will be your coordinators", "Bridget and Tom run the class":
    // two first names that act.
    let act = |i: usize| {
        let after = &t[toks[i].e..];
        acts_after(after)
            || [" run ", " lead ", " teach ", " host "]
                .iter()
                .any(|a| after.starts_with(a))
    };
    if and_next && named(k, key) && named(k + 2, key) && act(k + 2) {
        return true;
    }
    // "Tom, Anna and Kenji", "Aisha, Diego, Mei Ling and Conor": the first names of a
    // list that ends in "and"/"or". Two plain names after it vouch for a first one
    // that is also a word ("Tom").
    let comma = |i: usize| toks.get(i + 1).is_some_and(|n| &t[toks[i].e..n.s] == ", ");
    let listed = |key: &mut String| {
        let (mut i, mut names) = (k, 0);
        while comma(i) && plain(i + 1, key) {
            i += 1;
            names += 1;
        }
        if i > k && !and_at(i) && spaced(i) && is_cap(word(i + 1)) {
            i += 1;
        }
        let last = i > k && and_at(i) && plain(i + 2, key);
        last.then_some(names + 1)
    };
    let before = &t[..toks[k].s];
    let and_before = before
        .strip_suffix(" and ")
        .or_else(|| before.strip_suffix(" or "))
        .or_else(|| before.strip_suffix(" & "));
    // "Chloe & James": the ampersand joins two tokens with no word between.
    if let Some(rest) = and_before
        && named(k, key)
        && acts_after(&t[toks[k].e..])
    {
        let w = word_before(rest);
        if is_cap(w) && !not_name(w) && g.first(w, key).is_some() {
            return true;
        }
    }
    let comma_k = comma(k);
    if comma_k && !not_name(word(k)) && g.first(word(k), key) == Some(true) {
        return listed(key).is_some_and(|n| n >= 2) || vouched(t, toks, k, g, key);
    }
    let comma_before = k > 0 && &t[toks[k - 1].e..toks[k].s] == ", ";
    if (and_next || and_before.is_some() || comma_before)
        && g.first(word(k), key) == Some(true)
        && vouched(t, toks, k, g, key)
    {
        return true;
    }
    if !(and_next || amp_next || and_before.is_some() || comma_k) || !plain(k, key) {
        return false;
    }
    // "Johnson & Johnson", "Procter & Gamble" are companies; so are two surnames
    // joined by "&" ("Briggs & Stratton", "Watson & Holmes"), unless they act.
    let surnames =
        |a: &str, b: &str, key: &mut String| g.last(a, key).is_some() && g.last(b, key).is_some();
    let amp = amp_next
        && word(k) != word(k + 1)
        && !is_brand(word(k), word(k + 1))
        && plain(k + 1, key)
        && (!surnames(word(k), word(k + 1), key) || act(k + 1));
    if (and_next && plain(k + 2, key)) || amp || (comma_k && listed(key).is_some()) {
        return true;
    }
    let amp_before = before.ends_with(" & ");
    and_before.is_some_and(|rest| {
        let w = word_before(rest);
        if amp_before
            && (w == word(k) || is_brand(w, word(k)) || (surnames(w, word(k), key) && !act(k)))
        {
            return false;
        }
        let start = rest.len() - w.len();
        // "Santa Clara and Mia": the name before is no part of a place.
        let place = |key: &mut String| {
            let Some(lead) = rest[..start].strip_suffix(' ') else {
                return false;
            };
            let from = lead.len() - word_before(lead).len();
            from < lead.len() && g.is_place(&rest[from..], key)
        };
        is_cap(w) && g.first(w, key) == Some(false) && !place(key)
    })
}

/// "Ava, Jack and Ruby": token `k` is an item of a list of three first names or more,
/// joined by commas and one "and", "or" or "&" before the last, at least one of them
/// no word or place: that one vouches for the others.
fn vouched(t: &str, toks: &[Tok], k: usize, g: &Gazetteers, key: &mut String) -> bool {
    let word = |i: usize| &t[toks[i].s..toks[i].e];
    let gap = |i: usize| &t[toks[i].e..toks[i + 1].s];
    // The separator before item `i` and how many tokens back the item before it is.
    let back = |i: usize| -> Option<(usize, bool)> {
        match i {
            0 => None,
            _ if matches!(gap(i - 1), ", " | " & ") => Some((1, gap(i - 1) == " & ")),
            1 => None,
            _ if matches!(word(i - 1), "and" | "or") && gap(i - 2) == " " && gap(i - 1) == " " => {
                Some((2, true))
            }
            _ => None,
        }
    };
    // Walk to the first item, then read the list forward.
    let mut first = k;
    let mut steps = 0;
    while let Some((n, _)) = back(first)
        && steps < 6
    {
        first -= n;
        steps += 1;
    }
    let mut items = [first; 7];
    let mut len = 1;
    let mut joined = false;
    let mut i = first;
    while len < items.len() {
        let next = [i + 1, i + 2]
            .into_iter()
            .find(|&j| j < toks.len() && back(j).is_some_and(|(n, _)| j - n == i));
        let Some(j) = next else { break };
        let (_, conj) = back(j).unwrap_or((1, false));
        if joined {
            // Nothing after the item the conjunction joins.
            return false;
        }
        joined = conj;
        items[len] = j;
        len += 1;
        i = j;
    }
    let items = &items[..len];
    if len < 3 || !joined || !items.contains(&k) {
        return false;
    }
    let mut plain = 0;
    for &i in items {
        let w = word(i);
        match g.first(w, key) {
            _ if !is_cap(w) || not_name(w) || CALENDAR_NAMES.contains(&w) => return false,
            // A city ("Milan") vouches for no one.
            Some(false) if !g.is_place(w, key) => plain += 1,
            Some(false) => {}
            Some(true) => {}
            None => return false,
        }
    }
    plain >= 1
}

/// A romanised given name and family name, not both also English words.
fn romaji_pair(g: &Gazetteers, given: &str, family: &str, key: &mut String) -> bool {
    fold_romaji(given, key);
    let giv = g.romaji_given.get(key.as_str());
    fold_romaji(family, key);
    let fam = g.romaji_family.get(key.as_str());
    matches!((giv, fam), (Some(a), Some(b)) if !(a && b))
}

fn romaji(g: &Gazetteers, w: &str, key: &mut String) -> (bool, bool) {
    fold_romaji(w, key);
    let fam = g.romaji_family.get(key.as_str()).is_some_and(|amb| !amb);
    let giv = g.romaji_given.get(key.as_str()).is_some_and(|amb| !amb);
    (fam, giv)
}

/// What follows a possessive `'s ` (or `’s `) at the start of `after`.
fn possessed(after: &str) -> Option<&str> {
    after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("’s "))
}

/// Places and things named after someone in the possessive: "Anne Hathaway's
/// Cottage", "Raphael's tomb".
#[rustfmt::skip]
const OWNED_PLACES: &[&str] = &[
    "Cottage", "House", "Birthplace", "Tomb", "Grave", "Castle", "Palace", "Garden", "Gardens",
    "Farm", "Landing", "Church", "Chapel", "Bridge", "Island", "Rock", "Cave", "bench", "grave",
    "tomb", "statue", "birthplace",
];

/// What only an animal has: "Luna's microchip", "Coco's walks" (a child has
/// vaccinations and boosters too).
#[rustfmt::skip]
const PET_THINGS: &[&str] = &[
    "microchip", "walks", "grooming", "flea", "worming", "kennel", "crate", "leash", "collar",
    "paw", "paws", "litter", "neuter", "spay", "kibble", "breed", "tail", "fur", "owner",
    "owners", "puppy", "kitten", "vet", "FVRCP",
];

/// Kinds of animal that say, after a name, that it is a pet's: "Rose, a 3-year-old
/// beagle".
#[rustfmt::skip]
const ANIMALS: &[&str] = &[
    "dog", "cat", "puppy", "kitten", "pup", "beagle", "terrier", "retriever", "spaniel",
    "poodle", "labrador", "lab", "collie", "corgi", "dachshund", "pug", "husky", "shepherd",
    "tabby", "rabbit", "bunny", "hamster", "parrot", "budgie", "tortoise", "greyhound",
    "whippet", "schnauzer", "chihuahua", "doodle", "cockapoo", "labradoodle", "bulldog",
    // Birds of prey, which falconry centres name like people ("Gerald, our eagle owl").
    "bird", "owl", "owlet", "hawk", "eagle", "falcon", "kestrel", "buzzard", "vulture",
    "goshawk", "sparrowhawk", "peregrine", "merlin",
];

/// Whether the name candidate `c` names a pet: a word alone that owns what only an
/// animal has ("Luna's microchip"), or is set off as a kind of animal ("Rose, a
/// 3-year-old beagle", "Gerald, our eagle owl", "Percy (barn owl)").
fn pet(t: &str, c: &Cand) -> bool {
    if c.label != Label::Person || t[c.start..c.end].contains(' ') {
        return false;
    }
    let after = &t[c.end..];
    let owns = possessed(after).is_some_and(|r| {
        r.split([' ', ',', '.', ';', ':'])
            .take(2)
            .any(|w| PET_THINGS.contains(&w))
    });
    let kind = after
        .strip_prefix(", a ")
        .or_else(|| after.strip_prefix(", an "))
        .is_some_and(|r| {
            let clause = r.split([',', '.', ';', ')']).next().unwrap_or(r);
            clause
                .split(' ')
                .take(5)
                .any(|w| ANIMALS.contains(&w.trim_end_matches('s')))
        });
    // "Gerald, our eagle owl,", "Gerald (eagle owl)": the kind ends what sets it off
    // ("Sam (dog walker)" is someone).
    let kind_after = || {
        let Some(r) = after
            .strip_prefix(", our ")
            .or_else(|| after.strip_prefix(" ("))
        else {
            return false;
        };
        let clause = r.split([',', '.', ';', ')', '\n']).next().unwrap_or(r);
        clause.split(' ').count() <= 4 && ANIMALS.contains(&last_word(clause).trim_end_matches('s'))
    };
    // "Bruno and Kaiser, our two German Shepherds on the West gate": two set off
    // together, the kind among the first words and only a place or a clause after it.
    let pair_kind = || {
        let Some(r) = [" and ", " & "]
            .iter()
            .find_map(|j| after.strip_prefix(j))
            .filter(|r| r.starts_with(|c: char| c.is_ascii_uppercase()))
            .and_then(|r| r.split_once(", our "))
            .filter(|(name, _)| !name.contains(' '))
            .map(|(_, r)| r)
            .or_else(|| after.strip_prefix(", our "))
        else {
            return false;
        };
        let words: Vec<&str> = r.split([' ', ',', '.', ';', '\n']).take(5).collect();
        words.iter().enumerate().take(4).any(|(i, w)| {
            animal_word(w)
                && words.get(i + 1).is_none_or(|n| {
                    n.is_empty()
                        || matches!(*n, "on" | "at" | "in" | "who" | "and" | "that" | "from")
                })
        })
    };
    owns || kind || kind_after() || pair_kind()
}

/// Kinds of animal one rides or leads, often named like people ("**Horse:** Mr Darcy",
/// "a 15hh mare called Rose"), besides [`ANIMALS`].
#[rustfmt::skip]
const MOUNTS: &[&str] = &[
    "horse", "horses", "pony", "ponies", "mare", "stallion", "gelding", "cob", "filly", "colt",
    "foal", "donkey",
];

/// Whether `w` names a kind of animal, in any case and in the plural; not "lab",
/// which is a laboratory as often ("our research lab, Dr. Helen Okafor-Grant").
fn animal_word(w: &str) -> bool {
    let one = w.strip_suffix('s').unwrap_or(w);
    !one.eq_ignore_ascii_case("lab")
        && MOUNTS.iter().chain(ANIMALS).any(|a| {
            w.eq_ignore_ascii_case(a) || (one.len() < w.len() && one.eq_ignore_ascii_case(a))
        })
}

/// Whether the name candidate `c` names an animal by where it stands, with or without
/// a title ("Mr Darcy", "Sir Galahad"): after a label whose last word is a kind of
/// animal, alone or in a list ("Ponies: Bella, Rosie and Mr Tumnus", "Horses used:
/// Winston"); after a kind of animal and a comma ("Our resident Labrador, Murphy") or
/// "called" ("a mare called Rose"); before "the horse"; or as what one rides ("will
/// ride Harvey", "is on Bella": the read sets name a person after "on" once in over
/// ten thousand names, a mount or a thing many times).
fn animal_named(t: &str, c: &Cand) -> bool {
    if c.label != Label::Person {
        return false;
    }
    let after = &t[c.end..];
    if after
        .strip_prefix(" the ")
        .is_some_and(|r| animal_word(first_word(r)))
    {
        return true;
    }
    let before = &t[..c.start];
    let head = strip_title(before)
        .unwrap_or(before)
        .trim_end_matches(['*', '_', ' ']);
    if let Some(h) = head.strip_suffix(',') {
        return animal_word(last_word(h));
    }
    let last = last_word(head);
    // "our cat Cullet", "my horse Bramble": a kind of animal after a determiner.
    // The determiner first: it is cheaper to ask than the list of animals.
    if matches!(
        last_word(head[..head.len() - last.len()].trim_end_matches(' ')),
        "our" | "my" | "your" | "the" | "his" | "her" | "their"
    ) && animal_word(last)
    {
        return true;
    }
    if matches!(last, "on" | "ride" | "rides" | "riding" | "rode")
        && head.len() > last.len()
        && possessed(after).is_none()
    {
        return true;
    }
    if matches!(last, "called" | "named") {
        let clause = head[..head.len() - last.len()]
            .rsplit([',', '.', ';', ':', '\n', '(', '!', '?'])
            .next()
            .unwrap_or("");
        return clause.split(' ').rev().take(5).any(animal_word);
    }
    let line = crate::text::line_before(t, head.len());
    let Some((label, items)) = line.rsplit_once(':') else {
        return false;
    };
    let listed = items
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .all(|w| matches!(w, "and" | "or" | "&") || starts_upper(w));
    let mut words = label
        .split(|ch: char| !ch.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .rev();
    let kind = match words.next() {
        Some("used" | "booked" | "assigned" | "allocated") => words.next(),
        w => w,
    };
    listed && kind.is_some_and(animal_word)
}

/// Whether the name candidate at `t[s..e]` is said to be no one's: "(no relation to
/// Claude Garamond!)", "There's no Mr Bell", a place in a peer's title ("4th Duke
/// of Gordon", "Earl of Harewood"), a ship's name ("RNLB *Annie Trelawny*"), a skill
/// ("a triple Lutz"), a station, a place before its grid reference, or a name before
/// a country's or an airport's code ("(JPN)", "(CDG)").
fn no_one_by_words(t: &str, s: usize, e: usize) -> bool {
    const PEERS: &[&str] = &[
        "Duke", "Duchess", "Earl", "Countess", "Marquess", "Marquis", "Viscount", "Baron",
        "Baroness", "Prince", "Princess",
    ];
    let head = t[..s].trim_end_matches(' ');
    if head.ends_with("no relation to") {
        return true;
    }
    // A ship's or a boat's name after its prefix or its kind ("RNLB *Annie Trelawny*",
    // "the barque *Mary Anne*").
    const VESSELS: &[&str] = &[
        "RNLB", "HMS", "HMY", "RMS", "MV", "SS", "Barque", "barque", "Schooner", "schooner",
    ];
    let bare = head.trim_end_matches(['*', '_', '\'', '‘', '"', '“', ' ']);
    if VESSELS.contains(&last_word(bare)) {
        return true;
    }
    // "a single Axel", "a triple Lutz": a skill named after someone; "The nearest
    // station is Malvern Link": a place.
    if matches!(
        last_word(head),
        "single" | "double" | "triple" | "quad" | "quadruple"
    ) || head.ends_with("station is")
    {
        return true;
    }
    // In brackets after the name: a country's code after an athlete, an airport's after
    // its name ("Mitsuo Tsukahara (JPN)", "Paris Charles de Gaulle (CDG)"; the read sets
    // hold no person so written), or a grid reference after a place ("Great Gable via
    // Aaron Slack (NY 211 104)").
    if let Some(b) = t[e..].strip_prefix(" (").map(str::as_bytes) {
        let caps = |r: std::ops::Range<usize>| {
            b.get(r)
                .is_some_and(|x| x.iter().all(u8::is_ascii_uppercase))
        };
        let digits =
            |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
        let code = caps(0..3) && b.get(3) == Some(&b')');
        let grid = caps(0..2)
            && b.get(2) == Some(&b' ')
            && digits(3..6)
            && b.get(6) == Some(&b' ')
            && digits(7..10);
        if code || grid {
            return true;
        }
    }
    // "(Christian Doppler, 1842)": a citation's author and year.
    if t[..s].ends_with('(') {
        let after = &t[s..];
        let close = after.find([')', '\n']).filter(|&k| k <= 48);
        if let Some(k) = close
            && after[k..].starts_with(')')
            && let Some((_, year)) = after[..k].rsplit_once(", ")
            && year.len() == 4
            && year.bytes().all(|b| b.is_ascii_digit())
        {
            return true;
        }
    }
    // "Composer: Wolfgang Amadeus Mozart", "Librettist: Lorenzo Da Ponte": a work's
    // maker, by the label.
    if let Some(label) = head.trim_end_matches(['*', '_']).strip_suffix(':') {
        let label = last_word(label.trim_end_matches(['*', '_']));
        if matches!(
            label,
            "Composer" | "Librettist" | "Lyricist" | "Playwright" | "Novelist" | "Poet"
        ) {
            return true;
        }
    }
    if strip_title(&t[..s]).is_some_and(|h| h.ends_with(" no ") || h.ends_with("No ")) {
        return true;
    }
    head.strip_suffix(" of")
        .is_some_and(|h| PEERS.contains(&last_word(h)))
}

/// Whether the name at `t[s..e]` is a public figure's or a place's by the words around
/// it: a word of fame, or a nationality and a calling, just before it ("The famous
/// solo climber Katō Buntarō", "the Polish explorer Paweł Edmund Strzelecki"); or a
/// height in metres just after it ("Everest (Asia): 8,849 m", "Kala Patthar (5,644
/// m)").
fn known_by_words(t: &str, s: usize, e: usize) -> bool {
    let head = &t[crate::text::ceil_boundary(t, s.saturating_sub(48))..s];
    // Both need a lower-case word just before the name: a byte test first.
    let lower_before = head
        .strip_suffix(' ')
        .is_some_and(|h| h.ends_with(|c: char| c.is_ascii_lowercase()));
    (lower_before && described_before(head)) || height_after(&t[e..])
}

/// The words before a name that make it a public figure's: see [`known_by_words`].
fn described_before(head: &str) -> bool {
    let mut words = [""; 4];
    for (slot, w) in words.iter_mut().zip(head.split(' ').rev().skip(1)) {
        *slot = w;
    }
    for w in words {
        if matches!(
            w,
            "famous" | "celebrated" | "legendary" | "renowned" | "acclaimed" | "pioneering"
        ) {
            return true;
        }
        if !w.chars().all(char::is_alphabetic) {
            break;
        }
    }
    // "the" + nationality + a calling: "the Polish explorer", "the Polish-Lithuanian
    // hero", "after German skater" (not "our Polish instructor").
    let [calling, nation, the, _] = words;
    matches!(the, "the" | "The" | "after")
        && calling.chars().all(|c| c.is_ascii_lowercase())
        && nation_word(nation)
}

/// Whether `w` reads as a nation's or a people's adjective ("Polish", "Japanese",
/// "French", "Norwegian"): capitalised, with such an ending.
fn nation_word(w: &str) -> bool {
    starts_upper(w)
        && ["ian", "ish", "ese", "ch", "an", "ic"]
            .iter()
            .any(|x| w.ends_with(x))
}

/// Whether a height in metres follows a name at once, or after a bracket's note and a
/// colon: "Everest (Asia): 8,849 m", "Kala Patthar (5,644 m)", "Snowdon, 1,085 m".
fn height_after(after: &str) -> bool {
    let mut r = after;
    if let Some(note) = r.strip_prefix(" (")
        && let Some((inner, rest)) = note.split_once(')')
        && rest.starts_with(':')
        && inner.len() <= 24
    {
        r = &rest[1..];
    }
    let r = r.trim_start_matches([' ', '(', ',', ':', '—', '–']);
    let digits = r.trim_start_matches(|c: char| c.is_ascii_digit() || c == ',');
    digits.len() < r.len()
        && r.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .strip_prefix(" m")
            .or_else(|| digits.strip_prefix('m'))
            .is_some_and(|x| !x.starts_with(|c: char| c.is_ascii_alphanumeric()))
}

/// Whether the name at `t[s..e]` is part of a Japanese name in romaji joined by "no"
/// ("*Yosano Akiko no Yu*", "Kōbō no Yu", "Shingen no Kakushi-yu"), or a city's or a
/// ward's with its suffix ("Osaka-shi Kita-ku": "-shi" is a honorific too, so only
/// before a ward, a town or a district).
fn romaji_place_or_thing(t: &str, s: usize, e: usize) -> bool {
    let after = &t[e..];
    let capital_after = |r: &str| r.starts_with(|c: char| c.is_uppercase());
    if after.strip_prefix(" no ").is_some_and(capital_after) {
        return true;
    }
    if t[..s]
        .strip_suffix(" no ")
        .and_then(|h| h.rsplit([' ', '*', '\n']).next())
        .is_some_and(|w| w.chars().all(char::is_alphabetic) && starts_upper(w))
    {
        return true;
    }
    if let Some(r) = after.strip_prefix("-shi ") {
        let w = r.split([' ', ',']).next().unwrap_or("");
        return ["-ku", "-cho", "-machi", "-gun"]
            .iter()
            .any(|x| w.ends_with(x));
    }
    ["-ku", "-cho", "-machi", "-gun", "-ken"].iter().any(|x| {
        after
            .strip_prefix(x)
            .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
    })
}

/// Whether a product's model follows a name, so that the name is a maker's or a
/// product's: "(model BC-1560)", or a code of capitals and digits ("Charles Owen MS1
/// Pro").
fn model_after(after: &str) -> bool {
    if after.starts_with(" (model ") || after.starts_with(" (Model ") {
        return true;
    }
    let Some(r) = after.strip_prefix(' ') else {
        return false;
    };
    let code = r.split([' ', ',', ')', '\n', '|']).next().unwrap_or("");
    // Not a postcode's outward code ("Sarah Jones W1A 1AA").
    let inward = r[code.len()..].strip_prefix(' ').is_some_and(|i| {
        let i = i.as_bytes();
        i.len() >= 3 && i[0].is_ascii_digit() && i[1..3].iter().all(u8::is_ascii_uppercase)
    });
    !inward
        && (2..=8).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
        && code.bytes().any(|b| b.is_ascii_uppercase())
        && code.bytes().any(|b| b.is_ascii_digit())
        && code.as_bytes()[0].is_ascii_uppercase()
}

/// Whether `w` is an ordinal century ("16th-century"), the word a figure of history
/// is set in.
fn century_word(w: &str) -> bool {
    let Some(w) = w.strip_suffix("-century") else {
        return false;
    };
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    (1..=2).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th")
}

/// The markers before a year of history ("in 1860", "around 1700", "c. 1270"); a
/// month's name marks one too ("on 9 May 1662", see [`marked_year`]).
const YEAR_MARKERS: &[&str] = &["in ", "around ", "c. ", "c.", "circa "];

/// The runs of exactly four digits in `s` read as years from 1000 to 2999, each with its
/// offset ("in 1860" → (3, 1860)): found from their first digit, so that a text of other
/// numbers (phones, prices) costs one vector search.
fn years(s: &str) -> impl Iterator<Item = (usize, u32)> + '_ {
    let b = s.as_bytes();
    memchr::memchr2_iter(b'1', b'2', b)
        .filter_map(move |at| Some((at, crate::text::year_at(b, at)?)))
}

/// Whether `s[..at]`, the text before a year, ends in one of [`YEAR_MARKERS`].
fn marked_year(s: &str, at: usize) -> bool {
    YEAR_MARKERS.iter().any(|m| s[..at].ends_with(m))
        || s[..at].strip_suffix(' ').is_some_and(|h| {
            let month = last_word(h);
            MONTH_NAMES.contains(&month) || MONTH_ABBREVIATIONS.contains(&month)
        })
}

/// Whether a lifespan of history follows a name at once: "James Brindley (1716–1772)",
/// "**Anders Dahl** (1751–1789)"; both years before 1950.
fn lifespan_after(after: &str) -> bool {
    let b = after.trim_start_matches('*').as_bytes();
    let year = |r: std::ops::Range<usize>| {
        b.get(r)
            .filter(|y| y.iter().all(u8::is_ascii_digit))
            .is_some_and(|y| y < b"1950".as_slice())
    };
    b.starts_with(b" (1")
        && year(2..6)
        && (b[6..].starts_with("–".as_bytes()) && year(9..13) && b.get(13) == Some(&b')')
            || b.get(6) == Some(&b'-') && year(7..11) && b.get(11) == Some(&b')'))
}

/// Whether `s[at..]`, a year, is a decade's ("the 1930s").
fn decade(s: &str, at: usize) -> bool {
    s.as_bytes().get(at + 4) == Some(&b's')
}

/// Whether the year at `s[at..]` is one of history: before 1950, after one of
/// [`YEAR_MARKERS`] or as a decade ("in 1860", "c.1270", "the 1930s").
fn old_year_at(s: &str, at: usize, year: u32) -> bool {
    year < 1950 && (marked_year(s, at) || decade(s, at))
}

/// Whether `s[at..]` is a century's ordinal, of the tenth to the twenty-ninth ("the
/// 18th century", "a 16th-century punchcutter"): what the scan from a digit 1 or 2
/// finds (the first nine are rare in replies).
fn century_at(s: &str, at: usize) -> bool {
    let b = s.as_bytes();
    (at == 0 || !b[at - 1].is_ascii_digit())
        && b.get(at + 1).is_some_and(u8::is_ascii_digit)
        && matches!(b.get(at + 2..at + 4), Some(b"st" | b"nd" | b"rd" | b"th"))
        && matches!(b.get(at + 4), Some(b'-' | b' '))
        && b.get(at + 5..at + 12) == Some(b"century")
}

/// Whether `s` names a century by its ordinal (see [`century_at`]).
fn century_in(s: &str) -> bool {
    memchr::memchr2_iter(b'1', b'2', s.as_bytes()).any(|at| century_at(s, at))
}

/// Stems of the words of renown ("famous", "legendary", "Olympic", "inventor"): a window
/// with none of them holds no sentence of renown, so most windows are settled by one
/// search.
const FAME_STEMS: &[&str] = &[
    "famous",
    "legend",
    "iconic",
    "celebrated",
    "renowned",
    "pioneer",
    "champion",
    "Champion",
    "world record",
    "World record",
    "world title",
    "Olympic",
    "Nobel",
    "invent",
    "medal",
    // "Fun fact", "fun fact".
    "un fact",
    "Trivia:",
    "bit of history:",
    "little history:",
    "Did you know",
];

/// The vector searcher for [`FAME_STEMS`]: a window is short, and a general automaton
/// walks it byte by byte (about 1,900 instructions a window, where this takes a few
/// hundred).
fn fame_gate() -> Option<aho_corasick::packed::Searcher> {
    aho_corasick::packed::Config::new()
        .builder()
        .extend(FAME_STEMS)
        .build()
}

/// What a window holds that a sentence of renown or of history needs (see [`renowned`]),
/// read once per window that has a name to judge.
#[derive(Clone, Copy)]
struct Renown {
    /// A year of history, a decade before 1950 or a century ([`old_year_at`],
    /// [`century_in`]).
    old: bool,
    /// A stem of [`FAME_STEMS`].
    fame: bool,
}

impl Renown {
    /// Reads the cues of window `t`; `fame_gate` finds [`FAME_STEMS`].
    fn of(t: &str, fame_gate: &aho_corasick::packed::Searcher) -> Self {
        Renown {
            // One scan from each digit 1 or 2 finds both a year and a century.
            old: memchr::memchr2_iter(b'1', b'2', t.as_bytes()).any(|at| {
                crate::text::year_at(t.as_bytes(), at).is_some_and(|year| old_year_at(t, at, year))
                    || century_at(t, at)
            }),
            fame: fame_gate.find(t).is_some(),
        }
    }
}

/// Deeds that a sentence of history tells ("founded", "invented", "designed").
#[rustfmt::skip]
const DEEDS: &[&str] = &[
    "founded", "invented", "devised", "designed", "created", "discovered", "composed", "wrote",
    "written", "built", "popularised", "popularized", "patented", "introduced", "established",
    "developed", "pioneered", "coined", "named", "raised", "bred", "made", "set", "won",
    "played", "premiered", "published", "painted", "sang", "recorded", "hit", "scored", "flew",
    "climbed", "crossed", "broke", "ruled", "reigned", "fought", "sailed", "explored",
    "performed", "conducted", "directed", "starred", "printed", "engraved", "carved",
    "sculpted", "photographed", "filmed", "drew", "mapped", "surveyed", "described", "studied",
    "preached", "captained", "completed", "commissioned", "served", "excavated", "unearthed",
    "launched", "crowned",
];

/// Deeds of making before "by" and a name that credit the name's bearer with a thing
/// ("the sliding scale invented by Pierre Vernier", "Pinocchio was written by Carlo
/// Collodi"). Not the deeds of a day's work ("the invoice was raised by", "led by",
/// "packed by"), which the labelled replies credit to private people.
#[rustfmt::skip]
const MAKERS_DEEDS: &[&str] = &[
    "designed", "invented", "devised", "composed", "popularised", "popularized", "coined",
    "discovered", "pioneered", "patented", "founded", "named", "created", "written",
    "developed", "introduced", "printed", "published", "described", "championed",
    "choreographed",
];

/// Whether `head`, the text before a name, credits it with a thing made, in the past:
/// "was designed by ", "the scale invented by "; not "is written by " nor "will be
/// designed by ", which speak of someone at work now.
fn deed_by(head: &str) -> bool {
    let Some(h) = head.strip_suffix(" by ") else {
        return false;
    };
    let deed = last_word(h);
    if !MAKERS_DEEDS.contains(&deed) {
        return false;
    }
    let before = h[..h.len() - deed.len()].trim_end_matches(' ');
    !before
        .rsplit(' ')
        .take(2)
        .any(|w| matches!(w, "is" | "are" | "be" | "been" | "being" | "get" | "gets"))
}

/// Whether a life told in the past, of a nation or an age, follows a name: "Jim Clark
/// was a Scottish racing driver", "Marianne North (1830–1890) was a Victorian botanical
/// artist", "Takehisa Yumeji (竹久夢二) was a Taishō-era painter". Not "Kofi Mensah was a
/// tidy and reliable tenant": a reference's or a tribute's past is a private person's.
fn life_after(after: &str) -> bool {
    let mut r = after.trim_start_matches('*');
    if let Some(note) = r.strip_prefix(" (")
        && let Some(k) = note.find(')').filter(|&k| k <= 30)
    {
        r = &note[k + 1..];
    }
    r.strip_prefix(" was a ")
        .or_else(|| r.strip_prefix(" was an "))
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// Whether a creator's work follows a name in the possessive, perhaps after a year or
/// a word: "Henry Wadsworth Longfellow's poem", "Johann Maria Farina's 1709 formula",
/// "Sir Walter Scott's 1815 novel", "Joseph Lister's antiseptic work".
fn work_after(after: &str) -> bool {
    let Some(r) = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("’s "))
    else {
        return false;
    };
    r.split(|c: char| !c.is_ascii_alphanumeric())
        .take(3)
        .take_while(|w| !w.is_empty())
        .any(|w| {
            matches!(
                w,
                "poem"
                    | "poems"
                    | "novel"
                    | "novels"
                    | "play"
                    | "plays"
                    | "sonnet"
                    | "sonnets"
                    | "diary"
                    | "diaries"
                    | "memoir"
                    | "treatise"
                    | "formula"
                    | "theory"
                    | "theorem"
                    | "equation"
                    | "symphony"
                    | "concerto"
                    | "opera"
                    | "masterpiece"
                    | "invention"
                    | "discovery"
                    | "expedition"
                    | "voyage"
                    | "antiseptic"
            )
        })
}

/// Whether `w` is a word of renown (see [`FAME_STEMS`]).
fn fame_word(w: &str) -> bool {
    matches!(
        w,
        "famous"
            | "famously"
            | "legendary"
            | "legend"
            | "iconic"
            | "celebrated"
            | "renowned"
            | "pioneer"
            | "pioneering"
            | "Olympic"
            | "Olympics"
            | "Nobel"
            | "inventor"
            | "invented"
    )
}

/// Whether `w` names a winner or a feat, of renown only at the world's level ("world
/// champion", "Olympic medallist", "the world record"; see [`world_level`]); a club's or
/// a karaoke night's champion is someone private in the labelled replies.
fn winner_word(w: &str) -> bool {
    matches!(
        w,
        "champion"
            | "record"
            | "records"
            | "title"
            | "titles"
            | "championship"
            | "champions"
            | "Champion"
            | "Championship"
            | "Championships"
            | "medal"
            | "medallist"
            | "medalist"
    )
}

/// Whether `w` sets a win at the world's level ("world", "Olympic"). A national or a
/// regional champion is often a club's coach, someone private in the labelled replies
/// ("Head coach, ex-British Surfing Champion", "a former regional kickboxing
/// champion").
fn world_level(w: &str) -> bool {
    matches!(w, "world" | "World" | "Olympic" | "Olympics")
}

/// Whether the name at `t[s..e]`, of two words or more, is a public figure's by the
/// sentence it stands in (read inside `t`, the window the detectors see):
/// - a sentence of history: a deed and a year before 1950 after "in", "around", "c.",
///   "circa" or a month, a decade before 1950, a century or a lifespan after the name
///   ("James Brindley (1716–1772) surveyed"), and no later year ("Emil Erlenmeyer
///   designed the shape in 1860", "Homeopathy was founded by Samuel Hahnemann in the
///   late 1700s"; not "founded in 1998 by Marta Kessler", nor a tribute's "(1938–2024)");
/// - a thing made, credited in the past, with no later year and nothing to come ("The
///   Aeropress was designed by Alan Adler"; not "The column is written by …", nor "…
///   designed by Kenji Mori, who'll be at the open day");
/// - a word of renown ("Nadia Comăneci scored the first perfect 10 in Olympic
///   gymnastics") or a win at the world's level, but not after a title ("Coach Renee
///   Alvarez – Olympic lifting"), nor of a year's or a former champion ("Last year's
///   champion, Tamsin Achterberg", "Former world champion … runs the Saturday class");
/// - a life told in the past, of a nation or an age ("Jim Clark was a Scottish racing
///   driver");
/// - trivia ("Fun fact: Gary Gygax and Dave Arneson published …"; not "Our **Trivia
///   Tuesday** host is …");
/// - a creator's work after the name in the possessive ("Henry Wadsworth Longfellow's
///   poem", "Johann Maria Farina's 1709 formula"; no gold person in the read sets is
///   written so).
///
/// In none of them may a word of kin, or of the reader's or the writer's own, stand:
/// "your great-grandfather Thomas Reid built the farmhouse in 1887", "our Olympic
/// coach". Prototypes of these tests, over the read sets as the code of the nineteenth
/// reading scored them, found 38 public figures in sentences of history with a marked
/// year, about a hundred more by the rest (dates, decades, centuries and lifespans,
/// things credited, renown, lives, trivia, works, and a nation and a calling after
/// "after"), and no private person.
fn renowned(t: &str, s: usize, e: usize, cues: impl FnOnce() -> Renown) -> bool {
    if !t[s..e].contains(' ') {
        return false;
    }
    // The window's cues are read once, for the first name of two words that asks.
    let cues = cues();
    let by = deed_by(&t[..s]);
    let life = life_after(&t[e..]);
    let lifespan = lifespan_after(&t[e..]);
    let work = work_after(&t[e..]);
    if !(cues.old || cues.fame || by || life || lifespan || work) {
        return false;
    }
    let head = &t[..s];
    let (a, z) = sentence_bounds(t, s, e);
    let sentence = &t[a..z];
    let words = || sentence.split(|c: char| !c.is_ascii_alphabetic());
    if words().any(own_word) {
        return false;
    }
    // A year from 1950 on says the sentence is of our time.
    let mut recent = false;
    let mut old = false;
    for (at, year) in years(sentence) {
        recent |= (1950..2100).contains(&year);
        old |= old_year_at(sentence, at, year);
    }
    old = old || lifespan || cues.old && century_in(sentence);
    if !recent && (old && words().any(|w| DEEDS.contains(&w)) || by && !to_come(sentence)) {
        return true;
    }
    // "Coach Renee Alvarez": a title or a calling just before the name.
    let titled = head
        .strip_suffix(' ')
        .is_some_and(|h| starts_upper(last_word(h)) && h.ends_with(|c: char| c.is_alphabetic()));
    // A former champion is often a coach at work now: "former world champion … runs
    // the Saturday class".
    let winner = || {
        words().any(winner_word)
            && words().any(world_level)
            && !words().any(|w| matches!(w, "former" | "Former" | "ex"))
    };
    let fame = || words().any(fame_word) || winner();
    (cues.fame && !titled && (trivia(t, a) || !sentence.contains("year's") && fame()))
        || life
        || work
}

/// The sentence of window `t` that the name at `t[s..e]` stands in.
fn sentence_of(t: &str, s: usize, e: usize) -> &str {
    let (a, z) = sentence_bounds(t, s, e);
    &t[a..z]
}

/// Where the sentence of window `t` that the name at `t[s..e]` stands in starts and
/// ends (a colon starts one: "Fun fact: …").
fn sentence_bounds(t: &str, s: usize, e: usize) -> (usize, usize) {
    // The initials a name opens with end no sentence ("Fun fact: R. J. Mitchell shaped
    // …"): the name's own start is where they begin.
    let mut s = s;
    let b = t.as_bytes();
    while s >= 3
        && &b[s - 2..s] == b". "
        && b[s - 3].is_ascii_uppercase()
        && (s == 3 || b[s - 4] == b' ')
    {
        s -= 3;
    }
    let head = &t[..s];
    let a = [". ", "! ", "? ", "\n", ": "]
        .iter()
        .filter_map(|p| head.rfind(p).map(|k| k + p.len()))
        .max()
        .unwrap_or(0);
    let tail = &t[e..];
    let z = e + [". ", "! ", "? ", "\n"]
        .iter()
        .filter_map(|p| tail.find(p))
        .min()
        .unwrap_or(tail.len());
    (a, z)
}

/// Whether a sentence that starts at `t[a..]` is trivia: "Fun fact: …", "Trivia: …",
/// "A bit of history: …", "A little history: …", "Did you know that …".
fn trivia(t: &str, a: usize) -> bool {
    let before = t[..a].trim_end_matches([' ', '*', '_']);
    [
        "Fun fact:",
        "fun fact:",
        "Trivia:",
        "A bit of history:",
        "A little history:",
        "Fun fact!",
    ]
    .iter()
    .any(|o| before.ends_with(o))
        || t[a..]
            .trim_start_matches(['*', '_'])
            .starts_with("Did you know")
}

/// Whether `w` makes the bearer of a name near it someone's own: a word of kin, or of
/// the reader's or the writer's ("your great-grandfather Thomas Reid built the
/// farmhouse in 1887", "the potter who runs our kiln"). A capitalised word is lowered
/// only here, in a rare sentence.
fn own_word(w: &str) -> bool {
    kin_word(w)
        || (starts_upper(w) && kin_word(&w.to_ascii_lowercase()))
        || matches!(
            w,
            "my" | "My" | "our" | "Our" | "your" | "Your" | "we" | "We" | "us" | "me" | "I"
        )
}

/// Whether `sentence` speaks of what is to come or of someone at work now ("who'll be
/// at the open day", "who is happy to help").
fn to_come(sentence: &str) -> bool {
    sentence.contains("'ll ")
        || sentence.contains("who is ")
        || sentence.contains("who's ")
        || sentence.split(' ').any(|w| w == "will")
}

/// Whether the name at `t[s..e]` is a figure of an earlier century, so described just
/// after it ("Claude Garamond, a 16th-century Parisian punchcutter", "William
/// Cattley, the 19th-century English horticulturist") or just before it ("the
/// 18th-century Vermont schoolteacher Justin Morgan"), or a figure of a nation and a
/// calling just after it ("Julius Richard Petri, the German bacteriologist"; not "…,
/// the Japanese potter who runs our kiln").
fn century_figure(t: &str, s: usize, e: usize) -> bool {
    let after = &t[e..];
    if let Some(r) = after
        .strip_prefix(", the ")
        .or_else(|| after.strip_prefix(", a "))
        .or_else(|| after.strip_prefix(", an "))
    {
        let mut words = r.split(' ');
        let first = words.next().unwrap_or("");
        // "Julius Richard Petri, the German bacteriologist": a nation and a calling, as
        // before a name (see [`described_before`]); not a service's role ("Marco Rossi,
        // the Italian chef").
        let calling = words.next().unwrap_or("").trim_end_matches([',', '.', ';']);
        return century_word(first)
            || nation_word(first)
                && !calling.is_empty()
                && calling.bytes().all(|b| b.is_ascii_lowercase())
                && !is_role(calling)
                && !sentence_of(t, s, e)
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .any(own_word);
    }
    // Most names have no digit in the words before them: a byte test first.
    let head = &t[crate::text::ceil_boundary(t, s.saturating_sub(60))..s];
    if !head.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    for w in head.split(' ').rev().skip(1).take(5) {
        if century_word(w) {
            return true;
        }
        if !w.chars().all(|c| c.is_alphabetic() || c == '-') {
            return false;
        }
    }
    false
}

/// "Jessica's home number", "Bridget's personal email": only people have those.
fn private_after(after: &str) -> bool {
    let Some(rest) = possessed(after) else {
        return false;
    };
    let Some((adj, rest)) = rest.split_once(' ') else {
        return false;
    };
    matches!(
        adj,
        "home" | "private" | "personal" | "direct" | "mobile" | "cell" | "own"
    ) && [
        "number", "phone", "mobile", "email", "e-mail", "address", "line", "cell",
    ]
    .iter()
    .any(|n| rest.starts_with(n))
}

/// A capitalised word that no list holds: no name, English word, place or
/// organisation word ("Priya" before the SSA list, "Dlamini", "Girma").
fn unlisted(g: &Gazetteers, w: &str, key: &mut String) -> bool {
    // A contraction ("I'm", "We'll") is no name; "O'Brien" and "D'Angelo" are.
    let contraction = w
        .split_once(['\'', '\u{2019}'])
        .is_some_and(|(_, after)| !after.starts_with(|c: char| c.is_ascii_uppercase()));
    !contraction
        && is_cap(w)
        && w.len() >= 3
        && !camel(w)
        && !day_range(w)
        && !not_name(w)
        && !SURNAME_PLACE_SET.contains(w)
        && !g.is_word(w, key)
        && !g.is_place(w, key)
}

/// The first capitalised token after the particles starting at token `k` ("van der
/// Berg"), when particles joined by single spaces lead to it.
fn particles_to(t: &str, toks: &[Tok], k: usize, hi: usize) -> Option<usize> {
    let mut i = k;
    while i < k + 3 {
        let tok = toks.get(i)?;
        let w = &t[tok.s..tok.e];
        if !PARTICLES.contains(&w) {
            return (i > k && is_cap(w) && tok.e <= hi).then_some(i);
        }
        let next = toks.get(i + 1)?;
        if &t[tok.e..next.s] != " " {
            return None;
        }
        i += 1;
    }
    None
}

/// The (at most 40) bytes before `end`: cues are short and sit right before the name.
fn recent(t: &str, end: usize) -> &str {
    let mut from = end.saturating_sub(40);
    while !t.is_char_boundary(from) {
        from += 1;
    }
    &t[from..end]
}

/// "1. Kowalczyk, Agnieszka", "under the name Bramwell, Tom": a family name, a comma
/// and a given name, as registers list people, in `t[lo..hi]`: alone on a list item's
/// line or after "name"; the given name a listed one, the family name no place and no
/// word ("- Paris, France", "1. Tuesday, March").
fn inverted(t: &str, lo: usize, hi: usize, g: &Gazetteers, key: &mut String, out: &mut Vec<Cand>) {
    let b = t.as_bytes();
    let word_byte = |c: u8| c.is_ascii_alphabetic() || matches!(c, b'\'' | b'-') || c >= 0x80;
    for k in memchr::memchr_iter(b',', &b[lo..hi]) {
        let p = lo + k;
        // The given name starts inside the piece.
        if p + 2 >= hi || b[p + 1] != b' ' || !b[p + 2].is_ascii_uppercase() {
            continue;
        }
        let s = p - b[lo..p].iter().rev().take_while(|&&c| word_byte(c)).count();
        let e = p + 2 + b[p + 2..hi].iter().take_while(|&&c| word_byte(c)).count();
        let (family, given) = (&t[s..p], &t[p + 2..e]);
        if !starts_upper(family) || family.len() < 2 || given.len() < 2 {
            continue;
        }
        let head = &t[..s];
        let line_start = head.rfind('\n').map_or(0, |k| k + 1);
        let marker = &head[line_start..];
        let listed = marker == "- "
            || marker == "* "
            || marker
                .strip_suffix(". ")
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()));
        let named = head.ends_with("the name ") || head.ends_with("name: ");
        let rest = &t[e..];
        let alone = rest.is_empty() || rest.starts_with(['\n', '.', ',']) || rest.starts_with(" (");
        if !(listed && alone || named) {
            continue;
        }
        // A given name that is also a word ("Tom") needs a listed family name; one that
        // no list holds ("Zbigniew"), the word "name" before it.
        let given_ok = match g.first(given, key) {
            Some(false) => !g.is_word(given, key),
            Some(true) => g.last(family, key).is_some(),
            None => named && !g.is_word(given, key) && !g.is_place(given, key),
        };
        if given_ok
            && !CALENDAR_WORDS.contains(&given)
            && !g.is_place(family, key)
            && !g.is_word(family, key)
            && !not_name(family)
        {
            out.push(Cand::new(s, e, Label::Person));
        }
    }
}

/// Titles after a passenger's name in an airline's records.
const PASSENGER_TITLES: &[&str] = &["MR", "MRS", "MS", "MISS", "MSTR", "MX", "DR", "INF", "CHD"];

/// "OKAFOR/CHIDI MR", "GUTIERREZ LOPEZ/ALEJANDRO MR", "PATEL/DEVANSH": a family name, a
/// slash and a given name in capitals, as airlines and railways write a passenger's
/// name, in `t[lo..hi]`; with a title after it, or both parts listed (not "LHR/JFK",
/// "AND/OR"). The tokeniser drops words glued to a slash (paths, URLs): these are read
/// from the bytes.
fn slashed(t: &str, lo: usize, hi: usize, g: &Gazetteers, key: &mut String, out: &mut Vec<Cand>) {
    let b = t.as_bytes();
    let caps_end = |i: usize| {
        i + b[i..hi]
            .iter()
            .take_while(|c| c.is_ascii_uppercase() || matches!(c, b'\'' | b'-'))
            .count()
    };
    let caps_start = |i: usize| {
        i - b[lo..i]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_uppercase() || matches!(c, b'\'' | b'-'))
            .count()
    };
    // A space inside the piece: what follows the piece is not read.
    let space = |e: usize| e < hi && b[e] == b' ';
    // The title after a word ending at `e`, if one follows it: its end.
    let title_after = |e: usize| {
        let w = space(e);
        let te = if w { caps_end(e + 1) } else { e };
        (w && PASSENGER_TITLES.contains(&&t[e + 1..te])).then_some(te)
    };
    for (k, _) in t[lo..hi].match_indices('/') {
        let p = lo + k;
        let (s, e) = (caps_start(p), caps_end(p + 1));
        // Two capitals at least on each side, nothing glued before the family name.
        if p - s < 2 || e - (p + 1) < 2 || (s > 0 && b[s - 1].is_ascii_alphanumeric()) {
            continue;
        }
        if s > 0 && matches!(b[s - 1], b'/' | b'.' | b'@' | b'_') {
            continue;
        }
        // A second family name before the first ("GUTIERREZ LOPEZ/…").
        let s = match s.checked_sub(1) {
            Some(sp) if sp > lo && b[sp] == b' ' && b[sp - 1].is_ascii_uppercase() => {
                let s2 = caps_start(sp);
                let clear = s2 == 0 || !b[s2 - 1].is_ascii_alphanumeric();
                if sp - s2 >= 2 && clear { s2 } else { s }
            }
            _ => s,
        };
        let (family, given) = (&t[s..p], &t[p + 1..e]);
        let last = family.rsplit(' ').next().unwrap_or(family);
        let short_word = |w: &str| matches!(w, "OR" | "TO" | "ON" | "IN" | "NO" | "OF" | "UP");
        if PASSENGER_TITLES.contains(&given)
            || short_word(given)
            || short_word(last)
            || (g.is_word(given, key) && g.is_word(last, key))
        {
            continue;
        }
        // A middle name before the title.
        let middle = title_after(e)
            .is_none()
            .then(|| {
                let me = if space(e) { caps_end(e + 1) } else { e };
                (me > e + 2)
                    .then_some(me)
                    .filter(|&me| title_after(me).is_some())
            })
            .flatten();
        let end = middle.unwrap_or(e);
        let mut listed = || {
            g.first(given, key).is_some()
                && g.last(last, key).is_some()
                && !g.is_word(given, key)
                && !g.is_word(last, key)
        };
        if title_after(end).is_some() || listed() {
            out.push(Cand::new(s, end, Label::Person));
        }
    }
}

/// `w` with its first letter kept and the rest in lower case ("MORGAN" → "Morgan").
fn title_case(w: &str) -> String {
    let mut chars = w.chars();
    chars
        .next()
        .into_iter()
        .chain(chars.flat_map(char::to_lowercase))
        .collect()
}

/// An organisation or place word, in any case ("the Henry Ford museum").
fn is_not_name(w: &str) -> bool {
    // Capitalised on the stack: a word longer than the buffer is in no word set.
    let mut buf = [0u8; PACKED_MAX];
    let Some(cap) = buf.get_mut(..w.len()) else {
        return false;
    };
    cap.copy_from_slice(w.as_bytes());
    cap.make_ascii_lowercase();
    if let Some(first) = cap.first_mut() {
        first.make_ascii_uppercase();
    }
    std::str::from_utf8(cap).is_ok_and(not_name)
}

/// The ASCII letters `s` starts with ("Scholarship" of "Scholarship Fund").
fn first_word(s: &str) -> &str {
    let rest = s.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    &s[..s.len() - rest.len()]
}

/// The ASCII letters `s` ends with ("Product" of "- **Product").
fn last_word(s: &str) -> &str {
    &s[s.trim_end_matches(|c: char| c.is_ascii_alphabetic()).len()..]
}

fn is_cap(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2 && starts_upper(w) && b[1..].iter().any(u8::is_ascii_lowercase)
}

/// Whether `w` starts with a capital: ASCII, or an accented Latin one ("Ōkubo",
/// "Élodie").
fn starts_upper(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => w.chars().next().is_some_and(char::is_uppercase),
        None => false,
    }
}

/// A word in capitals ("TANAKA").
fn is_caps(w: &str) -> bool {
    w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// A capital inside a word, past a prefix of a name ("ThermoScan", "FedEx", but not
/// "McDonald", "MacLeod", "DeShawn", "Halvorsen-MacLeod"): a brand's or a product's
/// spelling.
fn camel(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() > 3
        && !w.starts_with("Mac")
        && b[3..].iter().enumerate().any(|(i, c)| {
            let j = i + 3;
            // After `'`, `-` or the last byte of `’` a capital starts a part; after "Mc" or
            // "Mac" opening a part, it goes on one ("Halvorsen-MacLeod").
            let part = |k: usize| k == 0 || matches!(b[k - 1], b'\'' | b'-');
            let mac = (b[..j].ends_with(b"Mc") && part(j - 2))
                || (b[..j].ends_with(b"Mac") && part(j - 3));
            c.is_ascii_uppercase() && !matches!(b[j - 1], b'\'' | b'-' | 0x99) && !mac
        })
}

/// "TANAKA Aiko", "Haruto INOUE": token `k` and the next, one in capitals, make a
/// romanised given and family name. Returns the last token.
fn caps_romaji(cx: &Cx, k: usize, key: &mut String) -> Option<usize> {
    let Cx { t, toks, g, hi, .. } = *cx;
    let n = toks.get(k + 1)?;
    let (a, b) = (&t[toks[k].s..toks[k].e], &t[n.s..n.e]);
    // Most words are in no capitals: settle that first.
    if !(is_caps(a) || is_caps(b)) || n.e > hi || &t[toks[k].e..n.s] != " " {
        return None;
    }
    let (given, family) = if is_caps(a) && is_caps(b) {
        // "「YUKI TANAKA」", "SATO KENJI": both in capitals, in either order.
        let pair = a.len() >= 3
            && b.len() >= 3
            && (romaji_pair(g, a, b, key) || romaji_pair(g, b, a, key));
        return pair.then_some(k + 1);
    } else if is_caps(a) && is_cap(b) {
        (b, a)
    } else if is_cap(a) && is_caps(b) {
        (a, b)
    } else {
        return None;
    };
    if romaji_pair(g, given, family, key) {
        return Some(k + 1);
    }
    // "ROSSI Federica", "KOVALENKO Oleksandr", "SHARMA Anjali様": any family name in
    // capitals before a given name, as passports and registers write them. The family
    // name is a listed one that is no common word (the look-up reads capitals as title
    // case); the given name is listed, or unlisted and no word. A family name of two
    // letters ("LI Wei") may be an initialism ("UC Davis"): its given name is no surname.
    let family_first = is_caps(a)
        && family.len() >= 2
        && g.last(family, key) == Some(false)
        && (family.len() > 2 || g.last(given, key).is_none());
    if !(family_first && (g.first(given, key).is_some() || unlisted(g, given, key))) {
        return None;
    }
    // "WONG Mei Ling", "NGUYEN Thi Lan": a second given name after the first, listed or
    // no word.
    let second = toks.get(k + 2).is_some_and(|m| {
        let w = &t[m.s..m.e];
        m.e <= hi
            && &t[n.e..m.s] == " "
            && is_cap(w)
            && !g.is_word(w, key)
            && (g.first(w, key).is_some() || unlisted(g, w, key))
    });
    Some(if second { k + 2 } else { k + 1 })
}

/// "| Fairweather, Oona |", "filed under **SOKOLOV, Anastasia**": a family name, a comma
/// and a listed given name, as registers and files write them, alone in a table's cell,
/// in bold or on a line, or after a register's word ("listed as Lindqvist, Astrid,").
/// The family name is no common word, place or given name (not "Thanks, Anna",
/// "Leicester, Anna" or "Tom, Anna"), unless it is in capitals or a listed family name
/// after a register's word ("BRENNAN, Orla"). Returns the given name's token.
fn surname_comma_given(cx: &Cx, k: usize, key: &mut String) -> Option<usize> {
    let Cx { t, toks, g, hi, .. } = *cx;
    let n = toks.get(k + 1)?;
    if n.e > hi || &t[toks[k].e..n.s] != ", " {
        return None;
    }
    let (family, given) = (&t[toks[k].s..toks[k].e], &t[n.s..n.e]);
    if !(is_cap(given) && (is_cap(family) || is_caps(family))) || family.len() < 3 {
        return None;
    }
    // The pair stands alone: a cell, a line or brackets close around it (emphasis marks
    // are gone from the text the rules read), or the family name is in capitals.
    let before = t[..toks[k].s].trim_end_matches(' ');
    let after = t[n.e..].trim_start_matches(' ');
    let opens =
        before.is_empty() || before.ends_with(['|', '\n', '*', '(', ':']) || is_caps(family);
    let closes = after.is_empty() || after.starts_with(['|', '\n', '*', ')', '(']);
    // Or a register's word goes before it ("You're listed as **Lindqvist, Astrid**,
    // position 2", "passed to MacLeod, Ailsa, our Head of Coaching", emphasis gone) and
    // the sentence goes on after it with no list ("Languages: Arabic, French, English").
    let registered = || {
        let w = before.rsplit([' ', '\n']).next().unwrap_or(before);
        matches!(w, "as" | "is" | "to" | "under" | "with")
            && (after.is_empty()
                || after.starts_with(['.', ';', '—', '–'])
                || [",", "and", "&"].iter().any(|j| {
                    after
                        .strip_prefix(j)
                        .is_some_and(|a| !a.trim_start().starts_with(|c: char| c.is_uppercase()))
                }))
    };
    if !(opens && closes || registered()) || g.first(given, key).is_none() {
        return None;
    }
    // A family name in capitals, or a listed one after a register's word, may be a
    // given name too ("BRENNAN, Orla", "listed as **Fitzgerald, Orla**").
    let listed_given = g.first(family, key).is_some()
        && !(is_caps(family) || (registered() && g.last(family, key).is_some()));
    let word = g.is_word(family, key) || g.is_place(family, key);
    (!listed_given && !word && !not_name(family)).then_some(k + 1)
}

/// "TANAKA様", "TANAKA HIROSHI様": a romaji name in capitals (one word of four letters
/// or more, or two words) before a Japanese honorific; the index of its last word.
fn caps_honoured(cx: &Cx, k: usize, key: &mut String) -> Option<usize> {
    let Cx { t, toks, g, hi, .. } = *cx;
    let mut romaji_caps = |i: usize| {
        let w = &t[toks[i].s..toks[i].e];
        is_caps(w) && romaji(g, w, key) != (false, false)
    };
    let honoured = |i: usize| super::person_ja::honorific_at(&t[toks[i].e..]).is_some();
    if !is_caps(&t[toks[k].s..toks[k].e]) {
        return None;
    }
    if let Some(n) = toks.get(k + 1)
        && n.e <= hi
        && &t[toks[k].e..n.s] == " "
        && honoured(k + 1)
        && romaji_caps(k)
        && romaji_caps(k + 1)
    {
        return Some(k + 1);
    }
    (toks[k].e - toks[k].s >= 4 && honoured(k) && romaji_caps(k)).then_some(k)
}

fn is_initial(w: &str) -> bool {
    w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase()
}

/// Up to four token indices: a name chain.
struct Chain {
    idx: [usize; 4],
    len: usize,
}

impl Chain {
    fn as_slice(&self) -> &[usize] {
        &self.idx[..self.len]
    }

    fn push(&mut self, i: usize) {
        self.idx[self.len] = i;
        self.len += 1;
    }
}

/// Tokens from `k` joined by single spaces (or "X. " initials) that look like a name.
fn chain(t: &str, toks: &[Tok], k: usize, hi: usize) -> Chain {
    let mut out = Chain {
        idx: [k; 4],
        len: 1,
    };
    let mut i = k;
    while i + 1 < toks.len() && out.len < 4 {
        let (a, b) = (toks[i], toks[i + 1]);
        let gap = &t[a.e..b.s];
        let w = &t[b.s..b.e];
        let joined = gap == " " || (gap == ". " && is_initial(&t[a.s..a.e]));
        // "The" (active before a capital, for addresses) is no part of a name; nor is a
        // label's word ("Dimitra Kouris **Room:** 3B", read as "Room:").
        let label = || t[b.e..].starts_with(':') && is_not_name(w);
        if !joined || b.e > hi || w == "The" || label() {
            break;
        }
        if !(is_cap(w) || is_initial(w)) {
            // "van der Berg": particles may stand between two parts of a name.
            match particles_to(t, toks, i + 1, hi) {
                Some(j) => {
                    out.push(j);
                    i = j;
                    continue;
                }
                None => break,
            }
        }
        out.push(i + 1);
        i += 1;
    }
    let initial = |j: usize| is_initial(&t[toks[j].s..toks[j].e]);
    // A trailing initial is not part of the name.
    while out.len > 1 && initial(out.idx[out.len - 1]) {
        out.len -= 1;
    }
    let mut kept = 0;
    for n in 0..out.len {
        let j = out.idx[n];
        if j == k || !initial(j) {
            out.idx[kept] = j;
            kept += 1;
        }
    }
    out.len = kept;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_organisation_word_set_holds_exactly_the_list() {
        assert!(NOT_NAMES.iter().all(|w| not_name(w)));
        assert!(not_name("Motors") && !not_name("Sarah") && !not_name("Motor Company"));
        assert!(THINGS.iter().all(|w| THING_SET.contains(w)));
        assert!(
            PREFIXES_OF_THINGS
                .iter()
                .all(|w| PREFIX_OF_THING_SET.contains(w))
        );
        assert!(VERB_NAMES.iter().all(|w| VERB_NAME_SET.contains(w)));
        assert!(SURNAME_PLACES.iter().all(|w| SURNAME_PLACE_SET.contains(w)));
        assert!(!PREFIX_OF_THING_SET.contains("Sarah") && !SURNAME_PLACE_SET.contains("Smith"));
        assert!(
            PERSON_AFTER_THE
                .iter()
                .all(|w| PERSON_AFTER_THE_SET.contains(w))
        );
        assert!(!THING_SET.contains("family") && !PERSON_AFTER_THE_SET.contains("wallet"));
    }

    #[test]
    fn the_first_and_last_words_are_the_ascii_letters_at_the_ends() {
        assert_eq!(first_word("Scholarship Fund"), "Scholarship");
        assert_eq!(first_word("“Quoted"), "");
        assert_eq!(first_word("Café au lait"), "Caf");
        assert_eq!(last_word("- **Product"), "Product");
        assert_eq!(last_word("“Product"), "Product");
        assert_eq!(last_word("価格"), "");
        assert_eq!((first_word(""), last_word("")), ("", ""));
    }

    #[test]
    fn years_are_runs_of_four_digits_and_old_ones_are_marked() {
        let t = "in 1860, tel 0120 555 012, ref 12345, 2024 and c.1270";
        assert_eq!(
            years(t).collect::<Vec<_>>(),
            [(3, 1860), (38, 2024), (49, 1270)]
        );
        let gate = fame_gate().unwrap();
        assert!(Renown::of(t, &gate).old && !Renown::of(t, &gate).fame);
        assert!(!Renown::of("from 1860 to 2024, in 1999", &gate).old);
        assert!(Renown::of("the 1930s", &gate).old && !Renown::of("the 1960s", &gate).old);
        assert!(Renown::of("the legendary", &gate).fame);
        assert!(century_in("a 16th-century printer") && century_in("the 18th century"));
        assert!(!century_in("this century"));
        assert!(kin_word("grandfather") && !kin_word("Stephenson"));
    }

    #[test]
    fn the_shortcuts_agree_with_the_lists_they_stand_for() {
        assert!(BRANDS.iter().all(|(first, _)| BRAND_FIRSTS.contains(first)));
        assert!(CALENDAR_WORDS.ends_with(MONTH_NAMES));
        assert!(NAMESAKE_CUES.iter().all(|c| {
            let b = c.as_bytes();
            matches!(b[b.len() - 2], b'r' | b'y' | b'f' | b's' | b'm')
        }));
        let g = Gazetteers::get();
        for name in g.romaji_given.keys().chain(g.romaji_family.keys()) {
            assert!(!name.contains(['l', 'q', 'v', 'x']), "{name}");
        }
    }
}
