"""The word lists names are found by: role words, places, and the head words of
institutions and events, in Arabic (as ``fold`` writes them) and English (lower case).
"""

ROLES_AR = [
    "الرئيس", "رئيس", "الرئيسه", "رئيسه", "الوزير", "وزير", "الوزيره", "وزيره",
    "رئيس الوزراء", "رئيسه الوزراء", "نائب الرئيس", "نائب رئيس", "الدكتور", "الدكتوره",
    "مدير", "المدير", "مديره", "المديره", "سفير", "السفير", "سفيره", "السفيره", "الخبير",
    "الخبيره", "خبير", "خبيره", "الامين العام", "امين عام", "المتحدث", "المتحدثه",
    "الناطق", "محافظ", "المحافظ", "محافظه", "المحافظه", "الملك", "الملكه", "الامير",
    "الاميره", "الشيخ", "الشيخه", "البروفيسور", "الاستاذ", "الاستاذه", "المهندس",
    "المهندسه", "الباحث", "الباحثه", "عميد", "العميد", "عميده", "العميده", "المستشار",
    "المستشاره", "الكاتب", "الكاتبه", "الشاعر", "الشاعره", "الروائي", "الروائيه", "الفنان",
    "الفنانه", "المخرج", "المخرجه", "المؤرخ", "المؤرخه", "عمده", "العمده", "مؤسس",
    "المؤسس", "رئيس مجلس", "الممثل الخاص", "المبعوث", "المبعوثه", "القنصل",
    "المدرب", "اللاعب", "اللاعبه", "العالم", "العالمه", "الطبيب", "الطبيبه", "المحامي",
    "القاضي", "النائب", "الامين", "الامينه", "امين", "امينه", "الناشر", "الناشره", "مديره عام",
    "المدير العام", "المديره العامه", "الفيلسوف", "عالم", "عالمه",
]
ROLES_EN = [
    "president", "prime minister", "minister", "dr", "dr.", "doctor", "professor", "prof.",
    "director", "director-general", "ambassador", "mayor", "governor", "secretary-general",
    "secretary", "chairman", "chairwoman", "chair", "chief executive", "ceo", "spokesman",
    "spokeswoman", "spokesperson", "king", "queen", "prince", "princess", "sheikh",
    "senator", "general", "judge", "historian", "expert", "engineer", "architect",
    "researcher", "scientist", "economist", "curator", "founder", "head", "dean",
    "vice-president", "vice president", "envoy", "coach", "poet", "writer", "novelist",
    "archaeologist", "analyst", "leader", "librarian", "captain", "colonel", "sir",
    "lord", "lady", "chancellor", "industrialist", "philanthropist", "businessman",
    "businesswoman", "commissioner", "manager", "editor", "author", "artist",
]
# Words that may extend a role but never start a name ("the", "of" ...).
ROLE_LINKS_EN = {"of", "for", "the", "and", "at", "&"}

STOP_AR = {
    "في", "من", "الى", "علي", "عن", "مع", "ان", "قد", "الذي", "التي", "الذين", "خلال",
    "بعد", "قبل", "حيث", "كما", "وقد", "قال", "وقال", "اكد", "واكد", "اعلن", "واعلن",
    "اشار", "واشار", "هذا", "هذه", "ذلك", "تلك", "بين", "عند", "منذ", "حتي", "لدي",
    "او", "ثم", "لكن", "لان", "كان", "كانت", "يكون", "هو", "هي", "هم", "وهو", "وهي",
    "اليوم", "امس", "غدا", "عام", "العام", "سنه", "ضمن", "نحو", "حول", "بشان", "لقد",
    "كل", "بعض", "غير", "الا", "اذ", "اذا", "لم", "لن", "لا", "ما", "ماذا", "و", "ف",
    "به", "بها", "له", "لها", "فيه", "فيها", "منه", "منها", "عليه", "عليها", "اي", "اول",
    "خلالها", "اثناء", "وفقا", "بحسب", "حسب", "لدى", "يوم", "الذى", "وذلك", "ايضا",
    "الي", "على", "حتى", "إلى", "إن", "أن", "أو", "فقد", "بل", "سوف",
    "تم", "وتم", "يتم", "كبير", "كبيره", "تحت", "فوق", "امام", "وراء", "خلف", "دون",
    "عبر", "ضد", "واحد", "واحده", "جميع", "كافه", "عده", "عدد", "اكثر", "اقل", "بينهم",
    "بينها", "منهم", "لهم", "سنويا", "حاليا", "يوميا", "شهريا",
}
STOP_EN = {
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with",
    "by", "from", "as", "is", "was", "were", "are", "said", "says", "told", "he", "she",
    "it", "they", "this", "that", "these", "those", "after", "before", "during",
    "when", "while", "since", "according", "its", "his", "her", "their", "has", "have",
    "had", "will", "would", "who", "which", "also", "not", "new", "last", "next",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "there", "here", "we", "our", "i", "you",
    "however", "meanwhile", "today", "yesterday",
}

INSTITUTION_HEADS_AR = [
    "وزاره", "جامعه", "منظمه", "مجلس", "هيئه", "البنك", "بنك", "صندوق", "شركه", "معهد",
    "مؤسسه", "المركز", "مركز", "متحف", "مكتبه", "مستشفي", "اكاديميه", "وكاله", "اللجنه",
    "لجنه", "الاتحاد", "اتحاد", "جمعيه", "مختبر", "مرصد", "الامم المتحده", "البرلمان",
    "برلمان", "المجلس", "الهيئه", "المنظمه", "الجامعه", "الوكاله", "الصندوق", "الشركه",
    "المعهد", "المتحف", "المكتبه", "الاكاديميه", "الجمعيه", "كليه", "الكليه", "مدرسه",
    "محكمه", "المحكمه", "دار", "مجمع", "نادي", "النادي", "الحكومه", "حكومه", "سلطه",
    "السلطه", "المجموعه", "مجموعه",
]
INSTITUTION_HEADS_EN = [
    "university", "ministry", "bank", "council", "organisation", "organization", "agency",
    "institute", "company", "fund", "commission", "museum", "library", "association",
    "centre", "center", "foundation", "union", "authority", "corporation", "academy",
    "observatory", "hospital", "parliament", "court", "college", "school",
    "society", "office", "department", "club", "trust", "laboratory", "committee",
    "government", "architects", "group", "partners", "holdings", "studio", "institution",
]
EVENT_HEADS_AR = [
    "مذكره", "المذكره", "اتفاقيه", "الاتفاقيه",
    "قمه", "القمه", "مؤتمر", "المؤتمر", "منتدي", "المنتدي", "معرض", "المعرض", "مهرجان",
    "المهرجان", "اتفاقيه", "الاتفاقيه", "اتفاق", "الاتفاق", "مذكره تفاهم", "معاهده",
    "المعاهده", "بطوله", "البطوله", "انتخابات", "الانتخابات", "حرب", "الحرب", "ثوره",
    "الثوره", "زلزال", "الزلزال", "مبادره", "المبادره", "اعلان", "رؤيه", "اسبوع", "موسم", "ملتقي",
    "الملتقي", "ندوه", "الندوه", "كاس", "الالعاب", "جائزه", "الجائزه",
]
EVENT_HEADS_EN = [
    "summit", "conference", "forum", "festival", "agreement", "treaty", "expo", "games",
    "initiative", "declaration", "war", "revolution", "cup", "olympics", "exhibition",
    "accord", "convention", "protocol", "memorandum", "week", "championship", "fair",
    "biennale", "congress", "symposium", "earthquake", "election", "elections",
]
PLACE_HEADS_AR = [
    "مدينه", "محافظه", "ولايه", "اقليم", "منطقه", "حي", "قريه", "جزيره", "نهر", "بحيره",
    "جبل", "جبال", "صحراء", "واحه", "ميناء", "خليج", "بحر", "وادي", "سهل", "هضبه",
    "العاصمه", "مقاطعه", "بلده", "ساحل", "شارع", "ساحه", "قلعه", "مضيق",
]
PLACE_HEADS_EN = ["city", "province", "state", "region", "district", "village", "island",
                  "river", "lake", "mount", "mountains", "desert", "oasis", "port", "gulf",
                  "sea", "valley", "plain", "plateau", "coast", "street", "square", "bay",
                  "strait", "county"]

# Countries and cities news most often names: (Arabic, English).
PLACES: list[tuple[str, str]] = [
    ("مصر", "Egypt"), ("القاهره", "Cairo"), ("الاسكندريه", "Alexandria"), ("اسوان", "Aswan"),
    ("الاقصر", "Luxor"), ("السعوديه", "Saudi Arabia"), ("الرياض", "Riyadh"),
    ("جده", "Jeddah"), ("مكه", "Mecca"), ("المدينه المنوره", "Medina"),
    ("الامارات", "the UAE"), ("ابوظبي", "Abu Dhabi"), ("دبي", "Dubai"), ("قطر", "Qatar"),
    ("الدوحه", "Doha"), ("الكويت", "Kuwait"), ("البحرين", "Bahrain"), ("المنامه", "Manama"),
    ("مسقط", "Muscat"), ("اليمن", "Yemen"), ("صنعاء", "Sanaa"),
    ("الاردن", "Jordan"), ("عمان", "Amman"), ("سلطنه عمان", "Oman"), ("سوريا", "Syria"),
    ("دمشق", "Damascus"),
    ("حلب", "Aleppo"), ("لبنان", "Lebanon"), ("بيروت", "Beirut"), ("العراق", "Iraq"),
    ("بغداد", "Baghdad"), ("البصره", "Basra"), ("الموصل", "Mosul"), ("فلسطين", "Palestine"),
    ("القدس", "Jerusalem"), ("غزه", "Gaza"), ("السودان", "Sudan"), ("الخرطوم", "Khartoum"),
    ("ليبيا", "Libya"), ("طرابلس", "Tripoli"), ("تونس", "Tunisia"), ("الجزائر", "Algeria"),
    ("المغرب", "Morocco"), ("الرباط", "Rabat"), ("مراكش", "Marrakesh"), ("فاس", "Fez"),
    ("الدار البيضاء", "Casablanca"), ("موريتانيا", "Mauritania"), ("نواكشوط", "Nouakchott"),
    ("تركيا", "Turkey"), ("انقره", "Ankara"), ("اسطنبول", "Istanbul"), ("ايران", "Iran"),
    ("طهران", "Tehran"), ("الصين", "China"), ("بكين", "Beijing"), ("شنغهاي", "Shanghai"),
    ("اليابان", "Japan"), ("طوكيو", "Tokyo"), ("الهند", "India"), ("نيودلهي", "New Delhi"),
    ("روسيا", "Russia"), ("موسكو", "Moscow"), ("فرنسا", "France"), ("باريس", "Paris"),
    ("المانيا", "Germany"), ("برلين", "Berlin"), ("بريطانيا", "Britain"), ("لندن", "London"),
    ("ايطاليا", "Italy"), ("روما", "Rome"), ("اسبانيا", "Spain"), ("مدريد", "Madrid"),
    ("الولايات المتحده", "the United States"), ("واشنطن", "Washington"),
    ("نيويورك", "New York"), ("كندا", "Canada"), ("البرازيل", "Brazil"),
    ("كازاخستان", "Kazakhstan"), ("استانا", "Astana"), ("الماتي", "Almaty"),
    ("اوزبكستان", "Uzbekistan"), ("طشقند", "Tashkent"), ("سمرقند", "Samarkand"),
    ("طاجيكستان", "Tajikistan"), ("قيرغيزستان", "Kyrgyzstan"), ("تركمانستان", "Turkmenistan"),
    ("باكستان", "Pakistan"), ("افغانستان", "Afghanistan"), ("اندونيسيا", "Indonesia"),
    ("ماليزيا", "Malaysia"), ("اثيوبيا", "Ethiopia"), ("نيجيريا", "Nigeria"),
    ("كينيا", "Kenya"), ("جنوب افريقيا", "South Africa"), ("اوروبا", "Europe"),
    ("افريقيا", "Africa"), ("اسيا", "Asia"), ("اسيا الوسطي", "Central Asia"),
    ("النيل", "the Nile"), ("سيناء", "Sinai"), ("الفيوم", "Fayoum"), ("الجيزه", "Giza"),
    ("البحر الاحمر", "the Red Sea"), ("البحر المتوسط", "the Mediterranean"),
    ("الخليج العربي", "the Gulf"), ("شيان", "Xi'an"), ("سويسرا", "Switzerland"),
    ("جنيف", "Geneva"), ("هولندا", "the Netherlands"), ("السويد", "Sweden"),
    ("كوريا الجنوبيه", "South Korea"), ("سيول", "Seoul"), ("اسكتلندا", "Scotland"),
    ("ادنبره", "Edinburgh"), ("ويلز", "Wales"), ("ايرلندا", "Ireland"), ("دبلن", "Dublin"),
    ("المكسيك", "Mexico"), ("الارجنتين", "Argentina"), ("استراليا", "Australia"),
    ("سيدني", "Sydney"), ("نيوزيلندا", "New Zealand"), ("تشيلي", "Chile"), ("بيرو", "Peru"),
    ("اليونان", "Greece"), ("اثينا", "Athens"), ("البرتغال", "Portugal"),
    ("لشبونه", "Lisbon"), ("النرويج", "Norway"), ("فنلندا", "Finland"), ("الدنمارك",
                                                                         "Denmark"),
    ("الكرك", "Karak"), ("العقبه", "Aqaba"), ("البتراء", "Petra"), ("اربد", "Irbid"),
    ("صفاقس", "Sfax"), ("سوسه", "Sousse"), ("القيروان", "Kairouan"), ("وهران", "Oran"),
    ("قسنطينه", "Constantine"), ("نابل", "Nabeul"), ("بنزرت", "Bizerte"), ("صلاله",
                                                                           "Salalah"),
    ("نزوى", "Nizwa"), ("الشارقه", "Sharjah"), ("العين", "Al Ain"), ("تبوك", "Tabuk"),
    ("العلا", "AlUla"), ("الدمام", "Dammam"), ("اربيل", "Erbil"), ("النجف", "Najaf"),
    ("كربلاء", "Karbala"), ("طنجه", "Tangier"), ("اغادير", "Agadir"), ("ورزازات",
                                                                      "Ouarzazate"),
]
