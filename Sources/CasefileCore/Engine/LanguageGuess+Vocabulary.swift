/// The most frequent short words of each language: function words, pronouns, the days
/// around today. A word found in several lists counts for each.
enum GuessVocabulary {
    /// English function words and the commonest words of news posts.
    static let english: Set<String> = words("""
        the a an and or of to in on at for with from by is are was were be been being this that these those it its
        he she they we you i me my our your his her their them us not no but as will would has have had about after
        before today just more new who what when where why how so all can could says said must over up out than
        into there here do does did don't can't it's i'm we're they're very also only still now then if because
        breaking news video photo thread live via must-read read watch see look why police court arrested detained
        """)

    /// Cyrillic-script languages' frequent words.
    static let cyrillic: [String: Set<String>] = [
        "ru": words("""
            и в не на что это как с со по к но а из за у от для же так уже все всё он она они мы вы я был была было были
            будет только или если его её ее их сегодня завтра вчера очень когда где там здесь нет да есть этот эта эти кто
            чтобы при после против надо может тоже ещё еще года время сейчас теперь люди человек свои под без до о об про
            потому почему который которая которые того тем чем всех всем вот ну мне меня нас вас нам им ли бы даже просто
            спасибо друзья новости срочно задержали задержан власти город страны россии
            """),
        "uk": words("""
            і й в у не на що це як з із зі по до але а від для же так вже все він вона вони ми ви я був була було були буде
            тільки або якщо його її їх сьогодні завтра вчора дуже коли де там тут ні є цей ця ці хто щоб при після проти
            треба може теж ще року час зараз люди людина свої під без про тому чому який яка які також та нас вас нам їм
            би навіть просто дякую друзі новини терміново затримали влада міста країни україни слава героям
            серйозно тисяч гривень щодо через також сьогодні вчора її
            """),
        "be": words("""
            і ў у не на што гэта як з са па да але а ад для ж так ужо усё ўсё ён яна яны мы вы я быў была было былі будзе
            толькі ці калі яго яе іх сёння заўтра учора ўчора вельмі дзе там тут ёсць гэты гэтая гэтыя хто каб пры пасля
            супраць трэба можа таксама яшчэ года час зараз людзі чалавек свае пад без пра таму чаму які якая якія нас вас
            нам ім бы нават проста дзякуй сябры навіны тэрмінова затрымалі улада ўлада горада краіны беларусі жыве
            """),
        "kk": words("""
            және мен бұл деп үшін бар жоқ емес да де та те осы сол біз сіз олар ол бір не қалай қазір бүгін ертең кеше
            өте керек болды болады еді туралы дейін кейін бойынша арқылы тағы әлі барлық қазақ қала ғана мұнда онда
            бізге оның менің сенің қазақстан жылы деді айтты тұр
            """),
        "ky": words("""
            жана менен бул деп үчүн бар жок эмес да дагы ошол биз сиз алар ал бир эмне кантип азыр бүгүн эртең кечээ абдан
            керек болду болот эле жөнүндө чейин кийин боюнча аркылуу бардык кыргыз шаар гана мен сен анын менин сенин
            кыргызстан жылы деди айтты турат бизге элек экен кылып
            болгон болуп жерден баары мени сени аны эч ким жок
            """),
        "tg": words("""
            ва дар ба аз ки ин он бо мо шумо онҳо шуд аст кард буд мекунад барои то ҳам низ не ҳа имрӯз фардо дирӯз хеле
            чӣ чи кӣ ҳамин баъд пеш бояд мешавад шаҳр тоҷикистон душанбе ман ту вай мардум гуфт соли ҳукумат
            боз се нафар шуданд карданд буданд мешаванд лекин вале агар
            """),
        "mn": words("""
            бол байна энэ тэр бид та нь юм болон ба мөн гэж гэсэн дээр хүн монгол улс өнөөдөр маргааш өчигдөр маш
            байсан байгаа биш ч л үү уу ямар хаана хэн сайн улаанбаатар их бас гэх бөгөөд хот засгийн оны
            """),
    ]

    /// Word endings typical of one or a few of the languages (two points each): Kyrgyz
    /// rounds its suffixes (-гон, -дөр, -дун) where Kazakh does not; Mongolian's cases
    /// (-ийн, -ийг, -аас, -ээр) and past tenses (-жээ, -лаа); Tajik's -анд, -ҳо.
    /// Kept as Unicode scalars: the guess compares them with each word's scalars, and
    /// `String.hasSuffix` and `count` walk grapheme clusters (half the time of importing
    /// 100k tweets went there).
    static let endings: [(scalars: [UInt32], languages: [String])] = {
        var table: [(String, [String])] = []
        for ending in ["гон", "гөн", "кон", "көн", "дон", "дөн", "тон", "төн", "лор", "лөр", "дор", "дөр", "тор", "төр",
                       "дун", "дүн", "тун", "түн", "нун", "нүн", "гула", "гүлө", "ушту", "үштү", "ышты", "ооу", "ыбыз", "убуз"] {
            table.append((ending, ["ky"]))
        }
        for ending in ["ган", "ген", "кан", "кен", "дан", "ден", "тан", "тен", "лар", "лер", "дар", "дер", "тар", "тер",
                       "мын", "мин", "быз", "биз", "сыз", "сиз"] {
            table.append((ending, ["ky", "kk"]))
        }
        for ending in ["ийн", "ийг", "ыг", "аас", "ээс", "оос", "өөс", "аар", "ээр", "оор", "өөр", "жээ", "чээ", "лаа", "лээ",
                       "лоо", "лөө", "гүй", "хгүй", "сэн", "нэ"] {
            table.append((ending, ["mn"]))
        }
        for ending in ["анд", "ҳо", "ед", "ем", "ӣ"] { table.append((ending, ["tg"])) }
        return table.map { (Array($0.0.unicodeScalars.map(\.value)), $0.1) }
    }()

    private static func words(_ text: String) -> Set<String> {
        Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }
}
