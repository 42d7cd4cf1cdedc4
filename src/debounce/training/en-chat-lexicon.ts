/**
 * More hand-written English chat vocabulary (third round of the generator): everyday object nouns with their
 * determiners, verbs that take them, subject-dropped status lines, verbs that keep a clause open (keeps,
 * ended up, been), chat abbreviations and fixed replies. Written from general knowledge of chat.
 */
const words = (list: string): readonly string[] => list.trim().split(/\s+/u);
const phrases = (list: string): readonly string[] => list.trim().split(/\s*\|\s*/u);

export const enx = {
  /** Everyday nouns that fill an object slot after a determiner. */
  nouns: words(`umbrella charger keys wallet phone laptop jacket coat hoodie link pics photos pictures essay report homework assignment
    ticket tickets chips snacks cake pizza coffee tea beer wine drinks game movie show episode season song album playlist book package
    order email text message car bike bus train flight room apartment kitchen fridge milk eggs bread groceries rent bill money cash card
    password wifi tv remote dog cat puppy kitten baby kids class exam test quiz interview meeting appointment doctor dentist haircut shirt
    shoes sneakers dress bag backpack glasses headphones airpods notes slides presentation deadline project code bug app website account
    invite party wedding birthday gift present dinner lunch breakfast food leftovers sandwich burger fries tacos sushi ramen noodles salad
    soup plan idea answer number address location schedule shift job offer raise boss teacher coach neighbor roommate landlord mom dad
    sister brother cousin grandma friends team match score results grades paper thesis lecture notes recipe bread dishes laundry trash
    room keys door window lights heater fan couch bed pillow blanket charger cable battery screen camera video stream post story comment
    dm group chat thread meme joke tea gossip news weather forecast traffic parking spot seat table reservation menu receipt refund
    package delivery courier uber ride lift gas tank tire engine mechanic gym workout run class yoga pool beach park mall store market`),
  /** Determiners and possessives: an object slot cut right after one of them is unfinished. */
  determiners: words(`the my your his her our their a an some this that those these another`),
  /** Transitive verbs in base / past / -ing form, for "i forgot my umbrella", "can you send the link". */
  transitive: phrases(`forget forgot forgetting | lose lost losing | find found finding | need needed needing | bring brought bringing
    | send sent sending | get got getting | buy bought buying | grab grabbed grabbing | watch watched watching | finish finished finishing
    | miss missed missing | book booked booking | cancel cancelled cancelling | fix fixed fixing | clean cleaned cleaning
    | pick up picked up picking up | drop off dropped off dropping off | check checked checking | sign signed signing | pay paid paying
    | charge charged charging | return returned returning | order ordered ordering | cook cooked cooking | eat ate eating
    | break broke breaking | borrow borrowed borrowing | sell sold selling | love loved loving | hate hated hating | see saw seeing
    | call called calling | text texted texting | meet met meeting | invite invited inviting | answer answered answering
    | read read reading | write wrote writing | print printed printing | download downloaded downloading | share shared sharing
    | post posted posting | delete deleted deleting | open opened opening | wash washed washing | feed fed feeding | walk walked walking
    | take took taking | drive drove driving | park parked parking | rent rented renting | try tried trying | like liked liking`),
  /** Verbs that take a person then a thing: send me the link, show me the pics. */
  ditransitive: words(`send show give bring get lend text tell buy save make pass forward`),
  /** Status lines with the subject dropped, complete as they are. */
  statusLines: phrases(`just landed | just got home | just got back | just woke up | just got up | just got off work | just got out of class
    | finally home | finally done | finally finished | almost there | almost done | on my way | omw | heading out | heading home
    | leaving now | running late | stuck in traffic | made it | got it | got here | got home safe | can't sleep | can't complain
    | can't wait | missed the bus | missed your call | slept through my alarm | forgot my keys | lost my phone | ate too much
    | walking the dog | cooking dinner | still at work | still in class | still awake | still sick | home now | back home
    | in a meeting | at the gym | at work | on the train | on the bus | in the car | out with friends | busy rn | free now
    | done for today | off to bed | off to work | going to bed | going out | going home | working late | feeling better
    | feeling sick | sounds good | sounds fun | looks good | looks amazing | works for me | fine by me | not sure | no clue
    | been busy | been there | been a while | long time no see | love it | hate it | same | same here | me too | me neither`),
  /** Verbs and frames that keep a clause open until what they introduce arrives. */
  openFrames: phrases(`keeps | kept | keeps on | started | stopped | ended up | has been | have been | 's been | been | is about to | was about to
    | is trying to | was trying to | is supposed to | was supposed to | wants to | wanted to | needs to | needed to | has to | had to
    | is going to | was going to | is gonna | was gonna | used to | tried to | decided to | forgot to | remembered to | promised to
    | would | could | should | will | might | can | must | would rather | would like to | has never | never even`),
  /** Verbs that go with an open frame: the frame plus one of them is a finished clause. */
  frameVerbs: phrases(`calling me | texting me | asking about you | talking about it | complaining | crying | laughing | working | sleeping
    | eating | winning | losing | lying | ignoring me | showing up late | forgetting stuff | playing that song | changing plans`),
  /** Speech verbs that need what was said: he keeps saying…, she told me…. */
  speechIng: words(`saying telling asking talking complaining bragging texting`),
  /** Verbs after whose complement clause more must follow: i'm not sure whether…. */
  whetherLeads: phrases(`i'm not sure | i can't decide | i don't know | i wonder | i was wondering | not sure | idk | i can't tell
    | i'm trying to figure out | we need to decide | she asked | he asked me | i forgot | i can't remember | do you know`),
  whetherWords: words(`whether if when where why how what who which`),
  /** Chat abbreviations that are complete replies. */
  abbreviations: words(`omw hbu wbu ttyl lmk ikr idc idk smh fr frfr ngl tbh np ty thx tysm ily ilysm gn gm nvm brb gtg bbl jk lmao lmfao
    rofl ofc ok okk kk k bet yw wyd wya hmu irl`),
  /** Fixed replies that end with a word the templates otherwise leave open. */
  fixedReplies: phrases(`i think so | i hope so | i guess so | i told you so | i don't think so | i knew it | that's what i said
    | that's what i thought | that's what i meant | that's not what i meant | that's what she said | you know what i mean
    | i know right | yes please | no thanks | no thank you | yes pls | sure thing | of course not | not at all | not yet
    | same to you | you too | you as well | me neither | neither do i | so do i | i do | i did | i will | i can | i am | we are
    | i'm on it | on it | all set | i'm good | i'm fine thanks | it's fine | it's ok | no big deal | all good | that's it
    | that's all | fair | true that | big mood | so true | for real | for sure | sounds like a plan | let's do it | let's go
    | why not | what about you | how about you | and you | you sure | are you sure | is that so | how come | since when`),
  /** How-questions about a thing: how was the interview, how's your mom. */
  howLeads: phrases(`how was | how's | how is | how did | what about | where's | where is | when's | when is | what's | whats | who's`),
} as const;
