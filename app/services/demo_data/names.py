"""Names per country: the Latin spelling German papers use, and the original script.

Each name is a pair ``(latin, original)``; ``original`` is empty where the
country writes in Latin letters anyway. Some Latin names carry apostrophes
(M'Mah, Ma'arouf) or diacritics (Condé, Keïta) on purpose: search must cope.
"""

from __future__ import annotations

from dataclasses import dataclass

Name = tuple[str, str]


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166 alpha-2 (XK for Kosovo, as German authorities use it)
    weight: int  # share of demo persons
    male: tuple[Name, ...]
    female: tuple[Name, ...]
    family: tuple[Name, ...]
    languages: tuple[tuple[str, ...], ...]  # ISO 639-1 sets a person may speak
    # Weights of the current residence title: duldung, gestattung, aufenthaltserlaubnis,
    # fiktionsbescheinigung, niederlassungserlaubnis. All zero: German citizens.
    residence: tuple[int, int, int, int, int]
    # Alternative transliterations that show up as aliases in older files.
    aliases: tuple[tuple[str, str], ...] = ()


def _pairs(text: str) -> tuple[Name, ...]:
    """``"Omar=عمر; Ali=علي"`` → pairs; a name without ``=`` has no other script."""
    pairs = []
    for item in text.split(";"):
        item = item.strip()
        if item:
            latin, _, original = item.partition("=")
            pairs.append((latin.strip(), original.strip()))
    return tuple(pairs)


_ARABIC_MALE = _pairs(
    "Mohammed=محمد; Ahmad=أحمد; Omar=عمر; Khaled=خالد; Yousef=يوسف; Hussein=حسين; Ali=علي;"
    "Mahmoud=محمود; Abdullah=عبدالله; Rami=رامي; Samer=سامر; Bilal=بلال; Hamza=حمزة; Mustafa=مصطفى;"
    "Ibrahim=إبراهيم; Sa'id=سعيد; Anas=أنس; Karam=كرم; Tareq=طارق; Jamal=جمال"
)
_ARABIC_FEMALE = _pairs(
    "Fatima=فاطمة; Aisha=عائشة; Layla=ليلى; Noor=نور; Rania=رانيا; Hiba=هبة; Amal=أمل; Yasmin=ياسمين;"
    "Zainab=زينب; Rasha=رشا; Du'aa=دعاء; Sham=شام; Lama=لمى; Hala=هالة; Marwa=مروة; Salma=سلمى"
)
_PERSIAN_FEMALE = _pairs(
    "Maryam=مریم; Zahra=زهرا; Shabnam=شبنم; Nazanin=نازنین; Nilofar=نیلوفر; Sakina=سکینه; Parisa=پریسا"
)

COUNTRIES: tuple[Country, ...] = (
    Country(
        "SY", 22, _ARABIC_MALE, _ARABIC_FEMALE,
        _pairs(
            "Al-Hassan=الحسن; Haddad=حداد; Khalil=خليل; Al-Ahmad=الأحمد; Darwish=درويش; Hamdan=حمدان;"
            "Al-Khatib=الخطيب; Nasser=ناصر; Suleiman=سليمان; Kurdi=كردي; Al-Masri=المصري; Mansour=منصور;"
            "Ma'arouf=معروف; Al-Sha'ar=الشعار; Othman=عثمان; Al-Hamwi=الحموي; Qassem=قاسم; Barakat=بركات;"
            "Al-Halabi=الحلبي; Shami=شامي"
        ),
        (("ar",), ("ar", "ku"), ("ar", "en")),
        (15, 15, 55, 12, 3),
        (("Mohammed", "Mohamad"), ("Mohammed", "Muhammad"), ("Al-Hassan", "Alhasan"), ("Yousef", "Yusuf")),
    ),
    Country(
        "AF", 18,
        _pairs(
            "Ahmad=احمد; Mohammad=محمد; Farid=فرید; Jawad=جواد; Mustafa=مصطفی; Hamid=حمید; Sayed=سید;"
            "Wahid=وحید; Naveed=نوید; Rahim=رحیم; Habib=حبیب; Masoud=مسعود; Bashir=بشیر; Ali=علی;"
            "Hassan=حسن; Morteza=مرتضی; Shafiq=شفیق; Omid=امید; Sohrab=سهراب; Elyas=الیاس"
        ),
        _PERSIAN_FEMALE + _pairs(
            "Fereshta=فرشته; Parwana=پروانه; Sadia=سعدیه; Mahbooba=محبوبه; Marzia=مرضیه; Hadia=هدیه; Sodaba=سودابه"
        ),
        _pairs(
            "Ahmadi=احمدی; Hashimi=هاشمی; Rahimi=رحیمی; Karimi=کریمی; Hussaini=حسینی; Sultani=سلطانی;"
            "Noori=نوری; Amiri=امیری; Haidari=حیدری; Safi=صافی; Stanikzai=ستانکزی; Popal=پوپل;"
            "Sharifi=شریفی; Jafari=جعفری; Wardak=وردک; Mohammadi=محمدی; Nazari=نظری; Rezai=رضایی"
        ),
        (("fa",), ("fa", "ps"), ("ps",), ("fa", "en")),
        (25, 35, 30, 10, 0),
        (("Mohammad", "Mohammed"), ("Hussaini", "Hosseini"), ("Noori", "Nuri")),
    ),
    Country(
        "IQ", 10,
        _ARABIC_MALE + _pairs("Rebwar=ريبوار; Karwan=كاروان"),
        _ARABIC_FEMALE + _pairs("Shilan=شيلان; Dilan=ديلان"),
        _pairs(
            "Al-Jubouri=الجبوري; Al-Obaidi=العبيدي; Al-Tamimi=التميمي; Kareem=كريم; Abbas=عباس;"
            "Jaafar=جعفر; Al-Saadi=السعدي; Murad=مراد; Khudida=خديدا; Al-Dulaimi=الدليمي; Hamid=حميد;"
            "Al-Rubaie=الربيعي; Qasim=قاسم; Sa'eed=سعيد"
        ),
        (("ar",), ("ku", "ar"), ("ku",)),
        (40, 25, 25, 10, 0),
        (("Al-Jubouri", "Aljuburi"), ("Kareem", "Karim")),
    ),
    Country(
        "TR", 9,
        _pairs(
            "Mehmet; Mustafa; Emre; Burak; Yusuf; Murat; Ömer; Serkan; Hakan; Welat; Ciwan;"
            "Baris=Barış; Ismail=İsmail"
        ),
        _pairs("Ayşe; Elif; Zeynep; Fatma; Merve; Büşra; Rojin; Berfin; Ozlem=Özlem; Dilek; Sevgi"),
        _pairs(
            "Yilmaz=Yılmaz; Kaya; Demir; Şahin; Çelik; Yildiz=Yıldız; Öztürk; Aydin=Aydın; Arslan;"
            "Dogan=Doğan; Kilic=Kılıç; Aslan; Polat; Ekinci"
        ),
        (("tr",), ("ku", "tr")),
        (25, 60, 15, 0, 0),
    ),
    Country(
        "UA", 8,
        _pairs(
            "Oleksandr=Олександр; Andrii=Андрій; Dmytro=Дмитро; Serhii=Сергій; Maksym=Максим;"
            "Bohdan=Богдан; Yurii=Юрій; Artem=Артем; Taras=Тарас; Volodymyr=Володимир; Ivan=Іван"
        ),
        _pairs(
            "Olena=Олена; Iryna=Ірина; Nataliia=Наталія; Oksana=Оксана; Kateryna=Катерина;"
            "Anastasiia=Анастасія; Yuliia=Юлія; Tetiana=Тетяна; Viktoriia=Вікторія; Daryna=Дарина; Sofiia=Софія"
        ),
        _pairs(
            "Shevchenko=Шевченко; Kovalenko=Коваленко; Bondarenko=Бондаренко; Tkachenko=Ткаченко;"
            "Kravchenko=Кравченко; Melnyk=Мельник; Boiko=Бойко; Oliinyk=Олійник; Koval=Коваль;"
            "Lysenko=Лисенко; Moroz=Мороз; Savchenko=Савченко; Rudenko=Руденко; Polishchuk=Поліщук"
        ),
        (("uk", "ru"), ("uk",), ("ru",)),
        (0, 0, 85, 15, 0),
        (("Oleksandr", "Alexander"), ("Andrii", "Andriy"), ("Serhii", "Sergiy")),
    ),
    Country(
        "ER", 5,
        _pairs(
            "Yonas=ዮናስ; Tesfay=ተስፋይ; Dawit=ዳዊት; Mehari=መሓሪ; Filmon=ፊልሞን; Samuel=ሳሙኤል; Habtom=ሃብቶም;"
            "Kidane=ኪዳነ; Amanuel=ኣማኑኤል; Yohannes=ዮሃንስ; Robel=ሮቤል"
        ),
        _pairs(
            "Helen=ሄለን; Senait=ሰናይት; Luwam=ሉዋም; Saba=ሳባ; Selam=ሰላም; Mebrat=መብራት; Rahel=ራሄል;"
            "Winta=ዊንታ; Yordanos=ዮርዳኖስ; Feven=ፌቨን"
        ),
        _pairs(
            "Tesfamariam=ተስፋማርያም; Gebremedhin=ገብረመድህን; Haile=ሃይለ; Kahsay=ካሕሳይ; Berhe=በርሀ;"
            "Weldemichael=ወልደሚካኤል; Ghebreyesus=ገብረየሱስ; Tekle=ተኽለ; Asmerom=ኣስመሮም; Habte=ሃብተ;"
            "Mesfin=መስፍን; Ghirmay=ግርማይ"
        ),
        (("ti",), ("ti", "ar"), ("ti", "am")),
        (5, 30, 55, 10, 0),
        (("Weldemichael", "Woldemichael"), ("Ghebreyesus", "Gebreyesus")),
    ),
    Country(
        "GN", 5,
        _pairs("Mamadou; Alpha; Ibrahima; Ousmane; Thierno; Abdoulaye; Sékou; Amadou; Lansana; N'Faly"),
        _pairs("Mariama; Fatoumata; Aïssatou; Kadiatou; Hawa; Djénabou; M'Mah; Aminata; Saran"),
        _pairs("Diallo; Bah; Barry; Sow; Camara; Condé; Keïta; Touré; Soumah; Sylla; Baldé; Kourouma; Cissé"),
        (("fr", "ff"), ("ff",), ("fr",)),
        (60, 30, 10, 0, 0),
    ),
    Country(
        "IR", 5,
        _pairs(
            "Reza=رضا; Amir=امیر; Mehdi=مهدی; Saeed=سعید; Arash=آرش; Behnam=بهنام; Hossein=حسین;"
            "Kaveh=کاوه; Babak=بابک; Pouya=پویا"
        ),
        _PERSIAN_FEMALE + _pairs("Shirin=شیرین; Leila=لیلا; Sara=سارا; Roya=رویا; Mahsa=مهسا; Ziba=زیبا"),
        _pairs(
            "Mohammadi=محمدی; Hosseini=حسینی; Rezaei=رضایی; Moradi=مرادی; Jafari=جعفری; Kazemi=کاظمی;"
            "Tehrani=تهرانی; Ahmadi=احمدی; Ghorbani=قربانی; Sadeghi=صادقی; Azizi=عزیزی; Bagheri=باقری"
        ),
        (("fa",), ("fa", "en")),
        (25, 40, 25, 10, 0),
    ),
    Country(
        "NG", 4,
        _pairs("Chinedu; Emeka; Oluwaseun; Tunde; Ibrahim; Musa; Chukwuemeka; Segun; Uche; Kelechi"),
        _pairs("Chioma; Ngozi; Blessing; Funmilayo; Aisha; Amaka; Folake; Precious; Adaeze"),
        _pairs("Okafor; Adeyemi; Okonkwo; Eze; Balogun; Abubakar; Nwosu; Adebayo; Okoro; Ogunleye; Obi; Ibekwe"),
        (("en",), ("en", "yo"), ("en", "ig"), ("en", "ha")),
        (60, 30, 10, 0, 0),
    ),
    Country(
        "SO", 4,
        _pairs("Abdirahman; Mohamed; Abdullahi; Hassan; Ahmed; Yusuf; Abdiaziz; Said; Abdikarim"),
        _pairs("Hodan; Fadumo; Amina; Sahra; Hawo; Ifrah; Nasra; Ubah; Ayaan"),
        _pairs("Warsame; Abdi; Farah; Hassan; Mohamud; Jama; Osman; Ali; Nur; Egal; Aden; Hersi"),
        (("so",), ("so", "ar"), ("so", "en")),
        (25, 35, 40, 0, 0),
    ),
    Country(
        "XK", 3,
        _pairs("Arben; Besnik; Driton; Labinot; Valon; Egzon; Ardit; Florent; Liridon"),
        _pairs("Albulena; Arta; Drita; Vjosa; Blerta; Fjolla; Edona; Qëndresa"),
        _pairs("Krasniqi; Gashi; Berisha; Morina; Shala; Hoxha; Bytyqi; Kelmendi; Gërguri; Rexhepi; Zeqiri"),
        (("sq",), ("sq", "sr")),
        (55, 0, 35, 10, 0),
    ),
    Country(
        "GE", 3,
        _pairs(
            "Giorgi=გიორგი; Davit=დავით; Levan=ლევან; Irakli=ირაკლი; Nika=ნიკა; Luka=ლუკა; Lasha=ლაშა;"
            "Zurab=ზურაბ; Sandro=სანდრო"
        ),
        _pairs("Nino=ნინო; Tamar=თამარ; Mariam=მარიამ; Ana=ანა; Salome=სალომე; Eka=ეკა; Natia=ნათია; Keti=ქეთი"),
        _pairs(
            "Beridze=ბერიძე; Kapanadze=კაპანაძე; Gelashvili=გელაშვილი; Maisuradze=მაისურაძე;"
            "Lomidze=ლომიძე; Tsiklauri=წიკლაური; Giorgadze=გიორგაძე; Abashidze=აბაშიძე; Chkheidze=ჩხეიძე"
        ),
        (("ka", "ru"), ("ka",)),
        (60, 35, 5, 0, 0),
    ),
    # Spätaussiedler from Kazakhstan and Russia: German family names (umlauts, ß)
    # with a Cyrillic original, German citizens without a residence title.
    Country(
        "KZ", 2,
        _pairs(
            "Alexander=Александр; Viktor=Виктор; Andrej=Андрей; Waldemar=Вальдемар; Eduard=Эдуард;"
            "Jewgenij=Евгений; Artur=Артур"
        ),
        _pairs(
            "Jelena=Елена; Swetlana=Светлана; Natalja=Наталья; Olga=Ольга; Irina=Ирина; Tatjana=Татьяна;"
            "Ljudmila=Людмила"
        ),
        _pairs(
            "Müller=Мюллер; Schäfer=Шефер; Wagner=Вагнер; Becker=Беккер; Köhler=Кёлер; Schröder=Шрёдер;"
            "Fröhlich=Фрёлих; Weiß=Вайс; Günther=Гюнтер; Krüger=Крюгер; Jäger=Егер; Groß=Гросс"
        ),
        (("ru", "de"), ("ru",)),
        (0, 0, 0, 0, 0),
    ),
)
