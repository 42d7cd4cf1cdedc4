/**
 * English chat vocabulary for the third author's templates (`en-chat3.ts`): what-are-you questions and the
 * words that leave them open, teasers (you won't believe what…), casual auxiliaries (gonna, tryna, kinda),
 * texting leads (tbh, ngl, wait so), list items, quotes after "she was like", complaints and time tails.
 * Written by hand from general knowledge of English chat; none of it is taken from a development or evaluation file.
 */
const phrases = (list: string): readonly string[] => list.trim().split(/\s*\|\s*/u);

export const en3 = {
  /** "what are you …" endings that finish the question. */
  whatAreYouEnds: phrases(`up to | doing | doing tonight | doing later | doing this weekend | up to today | looking at | talking about | laughing at
    | eating | wearing | watching | reading | waiting for | so mad about | so worried about | smiling about | listening to | getting her
    | bringing | drinking | studying | working on | cooking | playing | guys doing | gonna do | going to do | gonna wear | gonna get
    | planning | thinking | up to rn | doing rn | doing for dinner | doing after work | even saying | on about | into these days | saying`),
  /** Words after "what are you" that leave the question open, with what closes it. */
  whatAreYouOpen: phrases(`going to > do / say / wear / get him / eat / tell her | gonna > do / say / wear / order / bring | planning to > do / wear / cook
    | trying to > say / do / prove / find | supposed to > do / say / bring | guys > doing / up to / eating / watching | doing with > my charger / that / it / your hair
    | doing for > dinner / the weekend / your birthday / new year's / lunch | so > mad about / scared of / happy about | even > doing / saying / talking about
    | getting > me / him / her / for dinner | thinking of > doing / getting / wearing | looking > at / for | waiting > for`),
  /** Other wh + auxiliary leads that need their verb: what do you, what did you. */
  whLeads: phrases(`what do you | what did you | what should i | what should we | what would you | what can i | where did you | why did you | when did you | how did you | who did you`),
  whLeadEnds: phrases(`think | mean | want | need | get | say | do | eat | order | wear | see | buy | hear | expect | like best | want for dinner | do yesterday | end up getting`),
  /** Teaser leads that promise a story: you won't believe…. */
  teaserLeads: phrases(`you won't believe | you wont believe | u won't believe | u wont believe | you'll never believe | omg you won't believe | bro you won't believe | ok you won't believe | you're not gonna believe | ur not gonna believe | i can't believe | i cant believe | i still can't believe`),
  teaserWh: phrases(`what | who | where | how much | how many | what time | which`),
  teaserEnds: phrases(`happened | just happened | i saw | i found | he said | she said | he did | just texted me | showed up | it cost | i got | i just heard | my mom said | i ran into | called me | she bought | he told me | we saw | came in | i ate`),
  /** Casual auxiliaries that need a verb after them. */
  casualAux: phrases(`gonna | wanna | tryna | gotta | finna | bout to | abt to | kinda wanna | lowkey wanna | really wanna | might | prob gonna | def gonna | about to | trying to | planning to | hoping to | supposed to`),
  casualSubjects: phrases(`i'm | im | we're | i | we | he's | she's | they're | u | you | i was | we were | i am | ur | i really | i kinda`),
  casualVerbs: phrases(`grab food | go | sleep | head out | head home | call you | crash | nap | stay in | skip class | hit the gym | order pizza | get boba | watch a movie
    | play later | study | shower | cry | leave soon | pass out | text him | go to bed | go out tonight | get ready | eat | go shopping | quit | try it
    | binge the new season | pick you up | come over | be late | cancel | move | finish this | run | drive | walk`),
  /** Hedged predicates: "it's kinda weird" whole, "it's kinda" open. */
  hedgeLeads: phrases(`it's | its | that's | thats | i'm | im | he's | she's | this is | the movie was | the food was | it was | class was | work was | that was | the party was | he was | she was | they're`),
  hedges: phrases(`kinda | kind of | sort of | sorta | a bit | a little | lowkey | pretty | really | so | lowkey kinda | like | honestly | super | not that`),
  hedgeAdjectives: phrases(`weird | mid | cute | boring | sus | annoying | funny | good | bad | expensive | cheap | far | loud | awkward | tired | cringe | fire | mid tbh
    | chill | dead | busy | rude | sweet | scary | wild | sad | ok | fine | late | hard | easy | random | overrated | underrated | a lot | a mess | a vibe
    | dumb | smart | nice | mean | stupid | lazy | extra | dramatic | petty | clingy | shy | sweet | gross | sick | broke | hungry | done | lost | confused`),
  /** Texting leads that open a thought: tbh i, ngl this. */
  textLeads: phrases(`tbh | ngl | honestly | lowkey | highkey | fr | i mean | like | ok but | but like | so like | wait | bro | lol | lmao | also | idk`),
  textSubjects: phrases(`i | this | that | he | she | we | it | my mom | the food | they | you | he's | she's | i'm | this is | it's`),
  textRests: phrases(`don't care | kinda like it | forgot | don't get it | was wrong | think he's right | would go | miss him | can't go | love this | have no idea
    | need a nap | didn't even notice | thought so too | was kinda mid | is so good | is wild | looks good | sounds fun | is a lot | was not it
    | hate it | kinda agree | don't mind | was scared | am so tired | isn't it | was lying | did that | ate | slaps | sucks | is fine | is fire`),
  /** "wait so …" follow-ups: whole statements and questions. */
  waitSoWhole: phrases(`you're not coming | he lied | it's tomorrow | we're not going | she knew | you saw him | it's cancelled | they broke up | you're moving
    | what happened | who was it | where are you | are you coming | is it today | did he go | was it him | what did she say | how much was it | what time is it`),
  /** "wait so …" follow-ups that stop before the point. */
  waitSoOpen: phrases(`are you > coming / sure / serious / mad / free / going / still there | is it > today / tomorrow / cancelled / true / free / over
    | did he > leave / say yes / call you / show up / pay | was it > him / her / bad / fun / real | you're > not coming / moving / leaving / mad
    | he's > coming / not coming / mad / single | does that mean > yes / no / we're done / you're out | what did > he say / she do / you get
    | so you > knew / saw it / quit / won | why did > he leave / she say that / you go | she's not > coming / mad / going`),
  /** Items for lists cut after a comma or "and". */
  listLeads: phrases(`we need | grab | bring | i got | pick up | don't forget | i packed | we still need | can you get | i ordered | add | i bought | get some | buy`),
  listItems: phrases(`eggs | milk | bread | chips | ice | napkins | cups | plates | the charger | sunscreen | towels | snacks | water | soda | beer | paper towels
    | batteries | tape | a jacket | socks | my laptop | the tickets | cash | chargers | forks | coffee | bananas | rice | chicken | pizza | wings | fries`),
  listJoins: phrases(`and | and also | plus | oh and | or | and like | and maybe | and some | also`),
  /** Quote frames that need the quote. */
  quoteLeads: phrases(`she was like | he was like | and she goes | and he goes | so i was like | and i was like | and i'm like | he texted me saying | my mom texted me saying
    | she said | and then he said | they were like | everyone was like | he just goes | she told me that | he asked if | she asked me if | he asked me why | my boss said`),
  quotes: phrases(`no way | bro what | ok? | are you serious | what | huh | nope | cool | fine | whatever | not happening | i'm good | see you there | you're late
    | we need to talk | call me | i'm outside | why | sure | absolutely not | it's fine | lol ok | are you ok | where are you | who asked`),
  /** Complaint frames that need what is complained about. */
  complaintLeads: phrases(`i'm so sick of | i'm so tired of | i'm done with | i hate when | i hate it when | i can't stand | why does he always | why does she always
    | why do they always | the worst part is | what annoys me is | i'm so over | i can't deal with | it's so annoying when | nothing worse than | i'm fed up with`),
  complaintObjects: phrases(`this | him | her | it | them | work | school | this job | my roommate | the traffic | the rain | people | group projects | mondays | meetings
    | his excuses | the noise | this weather | waiting | this class`),
  complaintVerbs: phrases(`do this | do that | cancel | show up late | ignore me | leave dishes in the sink | say that | forget | text back so late | talk over me | make it weird`),
  /** Time and condition tails: finished after a statement, open before one. */
  timeTails: phrases(`after class | after work | later tonight | tomorrow morning | when i get home | when i'm done | if i have time | once i'm back | before dinner
    | after lunch | in a bit | when i wake up | after the game | once he leaves | if that's ok | when you're free | on my way back | after practice`),
  frontedClauses: phrases(`when i get home | when i'm done | if i have time | once i'm back | if it rains | when he calls | if you're free | once class ends | when we get there
    | if she says yes | before i forget | as soon as i land | whenever you're ready | if the store's open | after the meeting`),
} as const;
