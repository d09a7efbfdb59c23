// The words people build their passwords from most often, written for Onward from public facts: the passwords and
// themes that breach studies keep finding at the top (the NCSC's 2019 analysis of breached accounts named
// `123456`, `qwerty`, `password`, first names, football clubs, bands and cartoon characters), common English words
// that such lists are full of, and words anyone would try against a leaving-care service. It is a list of BASE
// words: the policy (password-policy.ts) strips digits, symbols and look-alike letters (p@55w0rd → password)
// before it looks a password up, so `Liverpool2024!` is caught by `liverpool`. All lower case, letters only.
//
// Add words by putting them in the right group; keep it letters only (the test checks).

const PHRASES = `
password passwords passw passwd pass letmein letmeinnow welcome welcomeback iloveyou iloveu loveyou loveme
trustno trustnoone whatever nothing changeme default secret topsecret private login logmein access admin
administrator root master mypassword mypass newpassword mysecret opensesame hello helloworld hellothere
goodbye sorry thankyou please yes no okay yesyes maybe somebody someone anything everything forever always
neverever iloveyoutoo loveyouforever lovelove ilovemum ilovemydad ilovemymum iloveyoumum mummy mummyanddaddy
daddy mother father family familyfirst mybaby babygirl babyboy sweetheart sweetie honey darling princess
prince queen king kingdom angel angels blessed believe faith hope jesus jesuschrist christ god godisgood
heaven amen freedom liberty peace lovely beautiful pretty gorgeous handsome sexy hottie cutie cute
qwerty qwertyuiop qwertyui asdf asdfgh asdfghjkl zxcvbn zxcvbnm qazwsx qazwsxedc wasd abc abcd abcdef
abcdefg abcdefgh abcdefghi abcabc aaa aaaa zzz xxx xyz
correcthorsebatterystaple correcthorse batterystaple
onward onwards leavingcare leaving care careleaver careleavers council councils localauthority pathway
pathwayplan pathwayplans stayingput staying fostering fostercare foster carer carers socialworker
socialwork socialworkers personaladviser adviser advisor keyworker support supportworker
childrensservices childrenservices children child teenager youngperson youngpeople northshire southshire
england wales cymru scotland ireland britain greatbritain unitedkingdom london
computer internet online email office work monday tuesday wednesday thursday friday saturday sunday weekend
january february march april may june july august september october november december spring summer autumn
winter christmas xmas easter halloween birthday happybirthday newyear
`;

const NAMES = `
ashley michael daniel jessica charlie oliver jack harry george jacob thomas james william joshua david
matthew andrew robert richard christopher chris joseph joe samuel sam benjamin ben alexander alex ethan
noah leo oscar archie alfie freddie henry arthur theo teddy muhammad mohammed mohammad ahmed ali adam
ryan luke liam lewis kyle connor callum jordan nathan dylan tyler jake jamie aaron lee dean scott craig
mark paul peter john steven stephen kevin gary wayne darren jason simon martin ian neil tony anthony
olivia amelia emily isla ava sophie sophia chloe lily grace ellie ruby mia poppy evie isabella isabelle
freya daisy rosie holly megan lauren hannah amy rebecca charlotte emma laura sarah katie kate lucy
georgia molly millie leah abigail bethany jade natalie nicole samantha stephanie victoria elizabeth
jennifer michelle rachel claire donna karen lisa tracy julie helen susan mary margaret patricia linda
barbara anna maria fatima aisha zara amira layla maya jasmine summer autumn skye phoebe alice florence
`;

const SPORT = `
football soccer rugby cricket tennis golf boxing basketball baseball hockey netball snooker darts
liverpool liverpoolfc lfc chelsea chelseafc arsenal arsenalfc everton tottenham spurs manutd manchester
manchesterunited manunited mufc manchestercity mancity westham westhamunited newcastle newcastleunited
leeds leedsunited aston astonvilla villa celtic rangers sunderland wolves southampton leicester
leicestercity brighton fulham wrexham cardiff cardiffcity swansea swanseacity barcelona realmadrid
juventus bayern messi ronaldo beckham rooney kane salah
`;

const CULTURE = `
blink eminem metallica slipknot nirvana oasis beatles coldplay queen abba adele beyonce rihanna drake
stormzy taylorswift justin bieber justinbieber onedirection harrystyles
superman batman spiderman ironman hulk thor captain marvel avengers naruto pokemon pikachu tigger pooh
winniethepooh mickey mickeymouse minnie shrek frozen elsa barbie starwars jedi yoda darthvader vader
harrypotter hogwarts hermione gandalf frodo matrix terminator rocky ninja pirate dragon dragons unicorn
minecraft fortnite roblox pacman mario sonic zelda playstation xbox nintendo gaming gamer
`;

const WORDS = `
monkey shadow sunshine flower flowers rainbow butterfly starlight star stars moon moonlight sun sky
ocean river mountain forest tree garden rose lily daisy tulip cherry apple banana orange lemon mango
strawberry chocolate cookie cookies biscuit cake cupcake candy sugar honeybee pizza burger chips cheese
coffee tea beer vodka whisky wine football dog dogs puppy puppies cat cats kitten kitty tiger lion
bear teddybear wolf fox rabbit bunny horse pony duck chicken panda penguin dolphin shark eagle falcon
hawk spider snake buster bella max molly charlie rocky lucky ginger pepper smokey bailey coco milo
red blue green yellow purple pink black white silver gold orange grey brown
money cash rich millionaire lucky winner champion hero legend killer hunter soldier warrior ranger
knight wizard magic mystery secret hidden sparkle glitter diamond crystal pearl jewel
music guitar piano dance dancer singer rock rockstar rockandroll hiphop rapper party
happy happiness smile smiley sunny funny crazy silly awesome cool super superstar amazing perfect
summer love lover loving kiss kisses hugs friend friends bestfriend bestie buddy mate mates
home house school college university student teacher doctor nurse police fire
car cars ford bmw mercedes audi porsche ferrari lamborghini honda toyota nissan
computer laptop phone iphone android samsung apple google facebook instagram snapchat tiktok youtube
netflix spotify amazon
`;

/** Every base word, once, lower case. */
export const COMMON_PASSWORD_WORDS: ReadonlySet<string> = new Set(
  [PHRASES, NAMES, SPORT, CULTURE, WORDS].flatMap((group) => group.split(/\s+/).filter(Boolean)),
);

/** Short words people put in front of a common word (`ilove` + `chelsea`, `my` + `password`). */
export const COMMON_PREFIXES: readonly string[] = [
  'ilove',
  'iluv',
  'love',
  'my',
  'the',
  'mr',
  'mrs',
  'miss',
  'big',
  'little',
  'baby',
  'team',
  'go',
  'super',
  'x',
];
